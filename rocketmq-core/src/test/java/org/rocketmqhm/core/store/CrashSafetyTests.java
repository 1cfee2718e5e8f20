package org.rocketmqhm.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.rocketmqhm.core.store.StoreTestSupport.HOST;
import static org.rocketmqhm.core.store.StoreTestSupport.awaitDispatched;
import static org.rocketmqhm.core.store.StoreTestSupport.body;
import static org.rocketmqhm.core.store.StoreTestSupport.config;
import static org.rocketmqhm.core.store.StoreTestSupport.msg;
import static org.rocketmqhm.core.store.StoreTestSupport.open;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.File;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.rocketmqhm.core.store.log.CommitLog;
import org.slf4j.LoggerFactory;

class CrashSafetyTests {

    @TempDir
    Path dir;

    private FileMessageStore store;

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.shutdown();
        }
    }

    @Test
    void corruptBodyByteInTheMiddleCutsTheLogThereAndLogsOffsetAndReason() throws Exception {
        MessageStoreConfig c = config(dir);
        c.setCheckCRCOnRecover(true);
        store = open(c);
        List<PutResult> puts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            puts.add(store.putMessage(msg("C", 0, null, "body-" + i + "-payload")).join());
        }
        awaitDispatched(store);
        store.haltWithoutCleanShutdown();
        store = null;

        PutResult victim = puts.get(10);
        byte[] needle = "body-10-payload".getBytes(StandardCharsets.UTF_8);
        try (RandomAccessFile raf = new RandomAccessFile(new File(dir.toFile(), "commitlog/00000000000000000000"),
                "rw")) {
            byte[] rec = new byte[victim.wroteBytes()];
            raf.seek(victim.wroteOffset());
            raf.readFully(rec);
            int at = indexOf(rec, needle);
            assertThat(at).isPositive();
            raf.seek(victim.wroteOffset() + at + 3);
            raf.write('X');
        }

        Logger log = (Logger) LoggerFactory.getLogger(CommitLog.class);
        ListAppender<ILoggingEvent> seen = new ListAppender<>();
        seen.start();
        log.addAppender(seen);
        try {
            store = open(c);
        } finally {
            log.detachAppender(seen);
        }
        assertThat(store.getMaxPhyOffset()).isEqualTo(victim.wroteOffset());
        assertThat(store.getMaxOffsetInQueue("C", 0)).isEqualTo(10);
        GetMessageResult g = store.getMessage("g", "C", 0, 0, 32, 0, null);
        assertThat(g.messages()).hasSize(10);
        assertThat(body(g.messages().get(9))).isEqualTo("body-9-payload");
        assertThat(seen.list).anySatisfy(e -> assertThat(e.getFormattedMessage())
                .contains("offset " + victim.wroteOffset()).contains("body CRC mismatch"));
        assertThat(store.putMessage(msg("C", 0, null, "next")).join().logicsOffset()).isEqualTo(10);
    }

    @Test
    void uncreatableStoreDirectoryFailsLoadNamingThePath() throws Exception {
        Path blocker = Files.createFile(dir.resolve("a-file"));
        MessageStoreConfig c = config(blocker.resolve("store"));
        FileMessageStore s = new FileMessageStore(c, HOST, null);
        assertThatThrownBy(s::load).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(blocker.resolve("store").toString()).hasMessageContaining("cannot be created");
        assertThatThrownBy(s::start).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(blocker.resolve("store").toString());
    }

    @Test
    void readOnlyStoreDirectoryFailsLoadNamingThePath() throws Exception {
        Path ro = Files.createDirectories(dir.resolve("ro"));
        Assumptions.assumeTrue(ro.toFile().setWritable(false, false));
        try {
            Assumptions.assumeFalse(Files.isWritable(ro), "running as root: permissions are not enforced");
            FileMessageStore s = new FileMessageStore(config(ro), HOST, null);
            assertThatThrownBy(s::load).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(ro.toString());
        } finally {
            ro.toFile().setWritable(true, false);
        }
    }

    @Test
    void uncreatableConsumeQueueDirectoryFailsLoadNamingThePath() throws Exception {
        store = open(config(dir));
        store.putMessage(msg("C", 0, null, "x")).join();
        store.shutdown();
        store = null;
        Path cl = dir.resolve("commitlog");
        Path blocker = dir.resolve("cq-blocker");
        Files.createFile(blocker);
        MessageStoreConfig c = config(dir);
        c.setStorePathConsumeQueue(blocker.resolve("cq").toString());
        FileMessageStore s = new FileMessageStore(c, HOST, null);
        assertThatThrownBy(s::load).hasMessageContaining(blocker.resolve("cq").toString());
        assertThat(cl).exists();
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
