package org.rocketmqhm.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.rocketmqhm.core.store.StoreTestSupport.awaitDispatched;
import static org.rocketmqhm.core.store.StoreTestSupport.body;
import static org.rocketmqhm.core.store.StoreTestSupport.config;
import static org.rocketmqhm.core.store.StoreTestSupport.msg;
import static org.rocketmqhm.core.store.StoreTestSupport.open;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.common.message.MessageSysFlag;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.rocketmqhm.core.store.index.IndexFile;

class MessageIndexTests {

    @TempDir
    Path dir;

    private FileMessageStore store;

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.shutdown();
        }
    }

    private List<String> bodies(QueryMessageResult r) {
        List<String> out = new ArrayList<>();
        r.messages().forEach(b -> out.add(body(b)));
        return out;
    }

    @Test
    void findsMessagesByKeysTokenAndUniqKey() {
        store = open(config(dir));
        StoreMessage m = msg("T", 0, "order-1 customer-9", "first");
        m.setUniqKey("UNIQ-0001");
        PutResult r1 = store.putMessage(m).join();
        store.putMessage(msg("T", 1, "order-2", "second")).join();
        PutResult r3 = store.putMessage(msg("OTHER", 0, "order-1", "other-topic")).join();
        awaitDispatched(store);

        QueryMessageResult q = store.queryMessage("T", "order-1", 32, 0, Long.MAX_VALUE);
        assertThat(bodies(q)).containsExactly("first");
        assertThat(q.phyOffsets()).containsExactly(r1.wroteOffset());
        assertThat(bodies(store.queryMessage("T", "customer-9", 32, 0, Long.MAX_VALUE))).containsExactly("first");
        assertThat(bodies(store.queryMessage("T", "UNIQ-0001", 32, 0, Long.MAX_VALUE))).containsExactly("first");
        assertThat(bodies(store.queryMessage("OTHER", "order-1", 32, 0, Long.MAX_VALUE)))
                .containsExactly("other-topic");
        assertThat(store.queryMessage("T", "nope", 32, 0, Long.MAX_VALUE).messageCount()).isZero();
        assertThat(q.indexLastUpdatePhyoffset()).isEqualTo(r3.wroteOffset());
        assertThat(q.indexLastUpdateTimestamp()).isEqualTo(r3.storeTimestamp());
        assertThat(q.totalSize()).isEqualTo(r1.wroteBytes());
        assertThat(new File(dir.toFile(), "index").listFiles()).hasSize(1)
                .allMatch(f -> f.getName().matches("\\d{17}"));
    }

    @Test
    void manyKeysInOneHashSlotAreFilteredByHashAndRollFiles() {
        MessageStoreConfig c = config(dir);
        c.setMaxHashSlotNum(1);
        c.setMaxIndexNum(25);
        store = open(c);
        for (int i = 0; i < 60; i++) {
            store.putMessage(msg("H", 0, i % 10 == 0 ? "hot key-" + i : "key-" + i, "b" + i)).join();
        }
        awaitDispatched(store);
        assertThat(store.getIndexService().files()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(bodies(store.queryMessage("H", "hot", 32, 0, Long.MAX_VALUE)))
                .containsExactlyInAnyOrder("b0", "b10", "b20", "b30", "b40", "b50");
        assertThat(bodies(store.queryMessage("H", "key-37", 32, 0, Long.MAX_VALUE))).containsExactly("b37");
        assertThat(bodies(store.queryMessage("H", "hot", 2, 0, Long.MAX_VALUE))).containsExactly("b50", "b40");
    }

    @Test
    void filtersByTimeRange() {
        store = open(config(dir));
        PutResult r = store.putMessage(msg("W", 0, "k", "x")).join();
        awaitDispatched(store);
        long ts = r.storeTimestamp();
        assertThat(store.queryMessage("W", "k", 32, ts - 60_000, ts + 60_000).messageCount()).isEqualTo(1);
        assertThat(store.queryMessage("W", "k", 32, 0, ts - 5_000).messageCount()).isZero();
        assertThat(store.queryMessage("W", "k", 32, ts + 5_000, Long.MAX_VALUE).messageCount()).isZero();
    }

    @Test
    void rolledBackTransactionalRecordsAreNotIndexed() {
        store = open(config(dir));
        StoreMessage rb = msg("X", 0, "tx-key", "rolled-back");
        rb.setSysFlag(MessageSysFlag.TRANSACTION_ROLLBACK_TYPE);
        StoreMessage ok = msg("X", 0, "tx-key", "committed");
        ok.setSysFlag(MessageSysFlag.TRANSACTION_COMMIT_TYPE);
        store.putMessage(rb).join();
        store.putMessage(ok).join();
        awaitDispatched(store);
        assertThat(bodies(store.queryMessage("X", "tx-key", 32, 0, Long.MAX_VALUE))).containsExactly("committed");
    }

    @Test
    void disabledIndexReturnsNothingAndWritesNoFiles() {
        MessageStoreConfig c = config(dir);
        c.setMessageIndexEnable(false);
        store = open(c);
        store.putMessage(msg("D", 0, "k", "x")).join();
        awaitDispatched(store);
        assertThat(store.queryMessage("D", "k", 32, 0, Long.MAX_VALUE).messageCount()).isZero();
        assertThat(new File(dir.toFile(), "index")).doesNotExist();
    }

    @Test
    void rebuiltAfterCrashAndNeverIndexedTwice() {
        store = open(config(dir));
        for (int i = 0; i < 20; i++) {
            store.putMessage(msg("R", 0, "key-" + i, "v" + i)).join();
        }
        awaitDispatched(store);
        store.haltWithoutCleanShutdown();
        store = open(config(dir));
        for (int i = 0; i < 20; i++) {
            assertThat(bodies(store.queryMessage("R", "key-" + i, 32, 0, Long.MAX_VALUE))).containsExactly("v" + i);
        }
        store.putMessage(msg("R", 0, "key-20", "v20")).join();
        awaitDispatched(store);
        store.shutdown();
        store = open(config(dir));
        for (int i = 0; i <= 20; i++) {
            assertThat(bodies(store.queryMessage("R", "key-" + i, 32, 0, Long.MAX_VALUE))).containsExactly("v" + i);
        }
        IndexFile f = store.getIndexService().files().get(0);
        assertThat(f.getIndexCount()).isEqualTo(22);
    }
}
