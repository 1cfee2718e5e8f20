package org.rocketmqhm.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.RandomAccessFile;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.common.message.MessageEncoder;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.store.config.FlushDiskType;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

class FileMessageStoreTests {

    private static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    @TempDir
    Path dir;

    private FileMessageStore store;

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.shutdown();
        }
    }

    private MessageStoreConfig config() {
        MessageStoreConfig c = new MessageStoreConfig();
        c.setStorePathRootDir(dir.toString());
        c.setMapedFileSizeCommitLog(64 * 1024);
        c.setMappedFileSizeConsumeQueue(100 * 20);
        return c;
    }

    private FileMessageStore open(MessageStoreConfig c) {
        FileMessageStore s = new FileMessageStore(c, HOST, null);
        assertThat(s.load()).isTrue();
        s.start();
        return s;
    }

    private static StoreMessage msg(String topic, int queueId, String tag, String body) {
        StoreMessage m = new StoreMessage();
        m.setTopic(topic);
        m.setQueueId(queueId);
        m.setBody(body.getBytes(StandardCharsets.UTF_8));
        if (tag != null) {
            m.setTags(tag);
        }
        m.setBornTimestamp(System.currentTimeMillis());
        m.setBornHost(new InetSocketAddress("127.0.0.1", 5555));
        return m;
    }

    private void awaitDispatched(FileMessageStore s) {
        await().atMost(Duration.ofSeconds(5)).until(() -> s.dispatchBehindBytes() == 0);
    }

    private static String body(ByteBuffer rec) {
        return new String(MessageDecoder.decode(rec.duplicate(), true, false).getBody(), StandardCharsets.UTF_8);
    }

    @Test
    void putAndGetSingleAndBatch() {
        store = open(config());
        PutResult r = store.putMessage(msg("T", 0, "a", "m0")).join();
        assertThat(r.status()).isEqualTo(PutStatus.PUT_OK);
        assertThat(r.logicsOffset()).isZero();
        assertThat(r.msgIds()).hasSize(32);
        PutResult b = store.putMessages(List.of(msg("T", 0, "a", "m1"), msg("T", 0, "b", "m2"))).join();
        assertThat(b.logicsOffset()).isEqualTo(1);
        assertThat(b.messageCount()).isEqualTo(2);
        assertThat(b.msgIds().split(",")).hasSize(2);
        awaitDispatched(store);
        GetMessageResult g = store.getMessage("g", "T", 0, 0, 32, 1 << 20, null);
        assertThat(g.status()).isEqualTo(GetMessageStatus.FOUND);
        assertThat(g.messages()).extracting(FileMessageStoreTests::body).containsExactly("m0", "m1", "m2");
        assertThat(g.nextBeginOffset()).isEqualTo(3);
        assertThat(g.totalSize()).isEqualTo(b.wroteBytes() + r.wroteBytes());
        MessageExt m = store.lookMessageByOffset(b.physicalOffsets()[1]);
        assertThat(m.getQueueOffset()).isEqualTo(2);
        assertThat(m.getTags()).isEqualTo("b");
        assertThat(m.getOffsetMsgId()).isEqualTo(b.msgId(1));
        assertThat(store.getStats().putTimes("T")).isEqualTo(3);
    }

    @Test
    void rollsFilesWithBlankMarkerAndFiltersByTagsCode() {
        store = open(config());
        String big = "x".repeat(3000);
        for (int i = 0; i < 60; i++) {
            assertThat(store.putMessage(msg("T", 1, i % 2 == 0 ? "even" : "odd", big + i)).join().isOk()).isTrue();
        }
        awaitDispatched(store);
        File[] files = new File(dir.toFile(), "commitlog").listFiles();
        assertThat(files).hasSizeGreaterThan(2);
        ByteBuffer firstFileData = store.getCommitLogData(0);
        int pos = 0;
        while (firstFileData.getInt(pos + 4) != MessageEncoder.BLANK_MAGIC) {
            pos += firstFileData.getInt(pos);
        }
        assertThat(pos + firstFileData.getInt(pos)).isEqualTo(64 * 1024);
        MessageFilter odd = new MessageFilter() {
            public boolean matchesTagsCode(long tagsCode) {
                return tagsCode == "odd".hashCode();
            }

            public boolean matchesRecord(ByteBuffer record) {
                return true;
            }
        };
        List<String> bodies = new ArrayList<>();
        long off = 0;
        while (off < store.getMaxOffsetInQueue("T", 1)) {
            GetMessageResult g = store.getMessage("g", "T", 1, off, 32, 1 << 20, odd);
            g.messages().forEach(b -> bodies.add(body(b)));
            off = g.nextBeginOffset();
        }
        assertThat(bodies).hasSize(30).allMatch(s -> Integer.parseInt(s.substring(3000)) % 2 == 1);
    }

    @Test
    void everyStatus() {
        store = open(config());
        assertThat(store.getMessage("g", "Q", 0, 0, 1, 0, null).status())
                .isEqualTo(GetMessageStatus.NO_MATCHED_LOGIC_QUEUE);
        store.putMessages(List.of(msg("Q", 0, "a", "1"), msg("Q", 0, "a", "2"))).join();
        awaitDispatched(store);
        assertThat(store.getMessage("g", "Q", 0, 2, 1, 0, null).status())
                .isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_ONE);
        GetMessageResult bad = store.getMessage("g", "Q", 0, 5, 1, 0, null);
        assertThat(bad.status()).isEqualTo(GetMessageStatus.OFFSET_OVERFLOW_BADLY);
        assertThat(bad.nextBeginOffset()).isEqualTo(2);
        MessageFilter none = new MessageFilter() {
            public boolean matchesTagsCode(long c) {
                return true;
            }

            public boolean matchesRecord(ByteBuffer r) {
                return false;
            }
        };
        GetMessageResult nm = store.getMessage("g", "Q", 0, 0, 1, 0, none);
        assertThat(nm.status()).isEqualTo(GetMessageStatus.NO_MATCHED_MESSAGE);
        assertThat(nm.nextBeginOffset()).isEqualTo(2);
        assertThat(store.getMessage("g", "Q", 0, 0, 1, 0, null).messageCount()).isEqualTo(1);
        assertThat(store.putMessage(msg("Q", 0, null, "y".repeat(5 * 1024 * 1024))).join().status())
                .isEqualTo(PutStatus.MESSAGE_ILLEGAL);
        StoreMessage huge = msg("Q", 0, null, "z");
        huge.putProperty("P", "v".repeat(40000));
        assertThat(store.putMessage(huge).join().status()).isEqualTo(PutStatus.PROPERTIES_SIZE_EXCEEDED);
        store.deleteTopics(java.util.Set.of("Q"));
        assertThat(store.getMaxOffsetInQueue("Q", 0)).isZero();
    }

    @Test
    void offsetByTimeAndTimestamps() {
        store = open(config());
        List<Long> ts = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ts.add(store.putMessage(msg("S", 0, null, "t" + i)).join().storeTimestamp());
            long t = ts.get(i);
            await().until(() -> System.currentTimeMillis() > t + 2);
        }
        awaitDispatched(store);
        assertThat(store.getOffsetInQueueByTime("S", 0, ts.get(3))).isEqualTo(3);
        assertThat(store.getOffsetInQueueByTime("S", 0, 0)).isZero();
        assertThat(store.getOffsetInQueueByTime("S", 0, Long.MAX_VALUE)).isEqualTo(4);
        assertThat(store.getEarliestMessageTime("S", 0)).isEqualTo(ts.get(0));
        assertThat(store.getMessageStoreTimestamp("S", 0, 2)).isEqualTo(ts.get(2));
    }

    @Test
    void syncFlushGroupCommitFromManyThreads() throws Exception {
        MessageStoreConfig c = config();
        c.setFlushDiskType(FlushDiskType.SYNC_FLUSH);
        store = open(c);
        List<CompletableFuture<PutResult>> fs = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            int q = t;
            Thread th = new Thread(() -> {
                for (int i = 0; i < 50; i++) {
                    fs.add(store.putMessage(msg("G", q, null, "b" + i)));
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        for (CompletableFuture<PutResult> f : fs) {
            assertThat(f.get().status()).isEqualTo(PutStatus.PUT_OK);
        }
        awaitDispatched(store);
        assertThat(store.getMaxOffsetInQueue("G", 3)).isEqualTo(50);
    }

    @Test
    void arrivalListenerFires() {
        store = open(config());
        List<Long> seen = new CopyOnWriteArrayList<>();
        store.addArrivalListener((topic, q, off, tags, ts, props) -> seen.add(off));
        store.putMessage(msg("L", 0, "a", "x")).join();
        await().atMost(Duration.ofSeconds(2)).until(() -> seen.contains(1L));
    }

    @Test
    void cleanRestartKeepsEverything() {
        store = open(config());
        for (int i = 0; i < 40; i++) {
            store.putMessage(msg("R", 0, null, "r".repeat(2000) + i)).join();
        }
        awaitDispatched(store);
        long maxPhy = store.getMaxPhyOffset();
        store.shutdown();
        assertThat(new File(dir.toFile(), "abort")).doesNotExist();
        store = open(config());
        assertThat(store.getMaxPhyOffset()).isEqualTo(maxPhy);
        assertThat(store.getMaxOffsetInQueue("R", 0)).isEqualTo(40);
        PutResult r = store.putMessage(msg("R", 0, null, "next")).join();
        assertThat(r.logicsOffset()).isEqualTo(40);
        awaitDispatched(store);
        assertThat(body(store.getMessage("g", "R", 0, 40, 1, 0, null).messages().get(0))).isEqualTo("next");
    }

    @Test
    void crashRecoveryCutsTornTail() throws Exception {
        store = open(config());
        for (int i = 0; i < 10; i++) {
            store.putMessage(msg("C", 0, null, "c" + i)).join();
        }
        awaitDispatched(store);
        long end = store.getMaxPhyOffset();
        PutResult torn = store.putMessage(msg("C", 0, null, "torn-message-body")).join();
        awaitDispatched(store);
        store.haltWithoutCleanShutdown();
        store = null;
        assertThat(new File(dir.toFile(), "abort")).exists();
        try (RandomAccessFile raf = new RandomAccessFile(new File(dir.toFile(), "commitlog/00000000000000000000"),
                "rw")) {
            raf.seek(torn.wroteOffset() + torn.wroteBytes() - 5);
            raf.write(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9});
        }
        store = open(config());
        assertThat(store.getMaxPhyOffset()).isEqualTo(end);
        assertThat(store.getMaxOffsetInQueue("C", 0)).isEqualTo(10);
        GetMessageResult g = store.getMessage("g", "C", 0, 0, 32, 0, null);
        assertThat(g.messages()).extracting(FileMessageStoreTests::body).containsExactly(
                "c0", "c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9");
        assertThat(store.putMessage(msg("C", 0, null, "after")).join().logicsOffset()).isEqualTo(10);
    }
}
