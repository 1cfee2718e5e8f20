package org.rocketmqhm.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rocketmqhm.core.store.StoreTestSupport.HOST;
import static org.rocketmqhm.core.store.StoreTestSupport.config;
import static org.rocketmqhm.core.store.StoreTestSupport.msg;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

class DiskGuardTests {

    @TempDir
    Path dir;

    private final AtomicReference<Double> ratio = new AtomicReference<>(0.30);
    private FileMessageStore store;

    @AfterEach
    void tearDown() {
        if (store != null) {
            store.shutdown();
        }
    }

    private FileMessageStore open(MessageStoreConfig c) {
        FileMessageStore s = new FileMessageStore(c, HOST, null, Clock.systemUTC(), path -> ratio.get());
        assertThat(s.load()).isTrue();
        s.start();
        return s;
    }

    @Test
    void refusesPutsAboveHardLimitWithClearReasonAndRecovers() {
        store = open(config(dir));
        assertThat(store.putMessage(msg("G", 0, null, "before")).join().status()).isEqualTo(PutStatus.PUT_OK);
        long maxPhy = store.getMaxPhyOffset();

        ratio.set(0.95);
        StoreHealth h = store.checkDiskNow();
        assertThat(h.writable()).isFalse();
        assertThat(h.diskUsedRatio()).isEqualTo(0.95);
        assertThat(h.hardLimitRatio()).isEqualTo(0.90);
        assertThat(h.cleanRatio()).isEqualTo(0.75);
        assertThat(h.cleanForciblyRatio()).isEqualTo(0.85);
        assertThat(h.reason()).contains("disk full").contains(dir.toString()).contains("95.0%");
        PutResult refused = store.putMessage(msg("G", 0, null, "refused")).join();
        assertThat(refused.status()).isEqualTo(PutStatus.SERVICE_NOT_AVAILABLE);
        assertThat(refused.isOk()).isFalse();
        assertThat(refused.reason()).isEqualTo(h.reason());
        assertThat(store.getMaxPhyOffset()).isEqualTo(maxPhy);
        assertThat(store.getHealth().writable()).isFalse();

        ratio.set(0.40);
        assertThat(store.checkDiskNow().writable()).isTrue();
        assertThat(store.getHealth().reason()).isNull();
        PutResult after = store.putMessage(msg("G", 0, null, "after")).join();
        assertThat(after.status()).isEqualTo(PutStatus.PUT_OK);
        assertThat(after.logicsOffset()).isEqualTo(1);
    }

    @Test
    void cleanServiceNoticesFullAndFreedDiskOnItsOwn() {
        MessageStoreConfig c = config(dir);
        c.setCleanResourceInterval(50);
        store = open(c);
        ratio.set(0.99);
        await().atMost(Duration.ofSeconds(5)).until(() -> !store.getHealth().writable());
        assertThat(store.putMessage(msg("G", 0, null, "x")).join().status())
                .isEqualTo(PutStatus.SERVICE_NOT_AVAILABLE);
        ratio.set(0.10);
        await().atMost(Duration.ofSeconds(5)).until(() -> store.getHealth().writable());
        assertThat(store.putMessage(msg("G", 0, null, "x")).join().status()).isEqualTo(PutStatus.PUT_OK);
    }

    @Test
    void apacheRatioKeysMoveTheLimits() {
        MessageStoreConfig c = config(dir);
        c.setDiskSpaceWarningLevelRatio(0.97);
        c.setDiskSpaceCleanForciblyRatio(0.93);
        store = open(c);
        ratio.set(0.95);
        StoreHealth h = store.checkDiskNow();
        assertThat(h.writable()).isTrue();
        assertThat(h.hardLimitRatio()).isEqualTo(0.97);
        assertThat(h.cleanForciblyRatio()).isEqualTo(0.93);
        ratio.set(0.98);
        assertThat(store.checkDiskNow().writable()).isFalse();
    }
}
