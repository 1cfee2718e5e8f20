package org.rocketmqhm.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rocketmqhm.core.store.StoreTestSupport.HOST;
import static org.rocketmqhm.core.store.StoreTestSupport.awaitDispatched;
import static org.rocketmqhm.core.store.StoreTestSupport.body;
import static org.rocketmqhm.core.store.StoreTestSupport.config;
import static org.rocketmqhm.core.store.StoreTestSupport.msg;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

class RetentionTests {

    /** A clock tests can move. */
    static final class MutableClock extends Clock {
        private final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

        void set(Instant i) {
            now.set(i);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    }

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock();
    private final AtomicReference<Double> ratio = new AtomicReference<>(0.30);
    private FileMessageStore store;

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.shutdown();
        }
    }

    private MessageStoreConfig retentionConfig() {
        MessageStoreConfig c = config(dir);
        c.setFileReservedTime(1);
        c.setDeleteCommitLogFilesInterval(0);
        c.setDestroyMapedFileIntervalForcibly(0);
        c.setCleanResourceInterval(3_600_000);
        c.setMaxIndexNum(30);
        return c;
    }

    private FileMessageStore open(MessageStoreConfig c) {
        FileMessageStore s = new FileMessageStore(c, HOST, null, clock, path -> ratio.get());
        assertThat(s.load()).isTrue();
        s.start();
        return s;
    }

    private void fill(int n, int from) {
        String pad = "p".repeat(3000);
        for (int i = from; i < from + n; i++) {
            assertThat(store.putMessage(msg("T", 0, "key-" + i, pad + i)).join().isOk()).isTrue();
        }
        awaitDispatched(store);
    }

    private int commitLogFiles() {
        return new File(dir.toFile(), "commitlog").list().length;
    }

    private static int hourOf(Instant i) {
        return i.atZone(ZoneOffset.UTC).getHour();
    }

    @Test
    void deletesExpiredFilesOnlyAtDeleteHourNeverTheLastAndMovesMinOffsets() {
        MessageStoreConfig c = retentionConfig();
        Instant later = Instant.now().plus(Duration.ofHours(2));
        clock.set(later);
        c.setDeleteWhen(String.format("%02d", (hourOf(later) + 1) % 24));
        store = open(c);
        fill(100, 0);
        int files = commitLogFiles();
        assertThat(files).isGreaterThanOrEqualTo(4);
        assertThat(new File(dir.toFile(), "consumequeue/T/0").list()).hasSize(1);

        assertThat(store.cleanNow()).isZero();
        assertThat(commitLogFiles()).isEqualTo(files);

        c.setDeleteWhen(String.format("%02d;%02d", (hourOf(later) + 5) % 24, hourOf(later)));
        assertThat(store.cleanNow()).isEqualTo(files - 1);
        assertThat(commitLogFiles()).isEqualTo(1);
        long minPhy = store.getMinPhyOffset();
        assertThat(minPhy).isEqualTo((long) (files - 1) * 64 * 1024);
        long minQ = store.getMinOffsetInQueue("T", 0);
        assertThat(minQ).isPositive();
        assertThat(store.getMessage("g", "T", 0, 0, 1, 0, null).status()).isEqualTo(GetMessageStatus.OFFSET_TOO_SMALL);
        GetMessageResult g = store.getMessage("g", "T", 0, minQ, 1, 0, null);
        assertThat(g.status()).isEqualTo(GetMessageStatus.FOUND);
        assertThat(body(g.messages().get(0))).endsWith(String.valueOf(minQ));
        assertThat(store.queryMessage("T", "key-1", 32, 0, Long.MAX_VALUE).messageCount()).isZero();
        assertThat(store.queryMessage("T", "key-99", 32, 0, Long.MAX_VALUE).messageCount()).isEqualTo(1);
        assertThat(store.getIndexService().files()).allMatch(f -> f.getEndPhyOffset() >= minPhy);

        store.shutdown();
        store = open(retentionConfig());
        assertThat(store.getMinPhyOffset()).isEqualTo(minPhy);
        assertThat(store.getMinOffsetInQueue("T", 0)).isEqualTo(minQ);
        assertThat(store.getMaxOffsetInQueue("T", 0)).isEqualTo(100);
    }

    @Test
    void consumeQueueFilesBelowMinOffsetAreDeleted() {
        MessageStoreConfig c = retentionConfig();
        c.setMappedFileSizeConsumeQueue(10 * 20);
        store = open(c);
        fill(100, 0);
        assertThat(new File(dir.toFile(), "consumequeue/T/0").list()).hasSize(10);
        clock.set(Instant.now().plus(Duration.ofHours(3)));
        assertThat(store.deleteExpiredFiles()).isPositive();
        long minQ = store.getMinOffsetInQueue("T", 0);
        assertThat(new File(dir.toFile(), "consumequeue/T/0").list()).hasSize((int) (10 - minQ / 10));
        assertThat(store.getMessage("g", "T", 0, minQ - 1, 1, 0, null).status())
                .isEqualTo(GetMessageStatus.OFFSET_TOO_SMALL);
    }

    @Test
    void cleanExpiredConsumeQueuesDropsQueuesWhoseMessagesAllLeftTheCommitLog() {
        store = open(retentionConfig());
        String pad = "p".repeat(3000);
        for (int i = 0; i < 60; i++) {
            assertThat(store.putMessage(msg("Old", 0, "old-" + i, pad)).join().isOk()).isTrue();
        }
        for (int i = 0; i < 40; i++) {
            assertThat(store.putMessage(msg("New", 0, "new-" + i, pad)).join().isOk()).isTrue();
        }
        awaitDispatched(store);
        assertThat(store.cleanExpiredConsumeQueues()).isZero();

        clock.set(Instant.now().plus(Duration.ofHours(3)));
        assertThat(store.deleteExpiredFiles()).isPositive();
        assertThat(store.consumeQueueTopics()).contains("Old", "New");
        assertThat(store.cleanExpiredConsumeQueues()).isEqualTo(1);
        assertThat(store.consumeQueueTopics()).containsExactly("New");
        assertThat(new File(dir.toFile(), "consumequeue/Old")).doesNotExist();
        assertThat(store.getMaxOffsetInQueue("Old", 0)).isZero();
        assertThat(store.getMaxOffsetInQueue("New", 0)).isEqualTo(40);

        assertThat(store.putMessage(msg("Old", 0, "again", "x")).join().isOk()).isTrue();
        awaitDispatched(store);
        assertThat(store.getMaxOffsetInQueue("Old", 0)).isEqualTo(1);
    }

    @Test
    void freshFilesSurviveTheDeleteHourAndManualDelete() {
        MessageStoreConfig c = retentionConfig();
        c.setDeleteWhen(String.format("%02d", hourOf(clock.instant())));
        store = open(c);
        fill(60, 0);
        int files = commitLogFiles();
        assertThat(store.cleanNow()).isZero();
        assertThat(store.deleteExpiredFiles()).isZero();
        assertThat(commitLogFiles()).isEqualTo(files);
    }

    @Test
    void diskAboveMaxUsedRatioDeletesExpiredAtAnyHourAndForciblyEvenFresh() {
        MessageStoreConfig c = retentionConfig();
        c.setDeleteWhen(String.format("%02d", (hourOf(clock.instant()) + 12) % 24));
        store = open(c);
        fill(100, 0);
        int files = commitLogFiles();
        ratio.set(0.80);
        assertThat(store.cleanNow()).isZero();
        ratio.set(0.86);
        assertThat(store.cleanNow()).isEqualTo(files - 1);
        assertThat(commitLogFiles()).isEqualTo(1);

        fill(60, 100);
        int more = commitLogFiles();
        ratio.set(0.80);
        clock.set(Instant.now().plus(Duration.ofHours(2)));
        assertThat(store.cleanNow()).isEqualTo(more - 1);
    }

    @Test
    void retentionCyclesLeakNoFileDescriptorsNorMappings() throws IOException {
        MessageStoreConfig c = retentionConfig();
        store = open(c);
        fill(30, 0);
        clock.set(Instant.now().plus(Duration.ofHours(2)));
        store.deleteExpiredFiles();
        long fdBefore = countFds();
        long mapsBefore = countMappings();
        for (int round = 1; round <= 4; round++) {
            fill(80, round * 1000);
            clock.set(Instant.now().plus(Duration.ofHours(2)));
            assertThat(store.deleteExpiredFiles()).isPositive();
        }
        assertThat(countFds()).isLessThanOrEqualTo(fdBefore + 2);
        assertThat(countMappings()).isLessThanOrEqualTo(mapsBefore);
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            assertThat(lines.filter(l -> l.contains(dir.toString()) && l.contains("(deleted)")).count()).isZero();
        }
    }

    private static long countFds() throws IOException {
        try (var s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count();
        }
    }

    private long countMappings() throws IOException {
        try (var lines = Files.lines(Path.of("/proc/self/maps"))) {
            return lines.filter(l -> l.contains(dir.toString())).map(l -> l.substring(l.lastIndexOf(' ') + 1))
                    .distinct().count();
        }
    }
}
