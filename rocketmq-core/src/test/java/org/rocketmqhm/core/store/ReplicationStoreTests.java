package org.rocketmqhm.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.rocketmqhm.core.store.StoreTestSupport.config;
import static org.rocketmqhm.core.store.StoreTestSupport.msg;

import java.io.DataInputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.store.config.BrokerRole;
import org.rocketmqhm.core.store.config.FlushDiskType;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

/**
 * Replication at store level (protocol section 6), with a hand-written peer speaking the raw HA wire format where
 * the exact frames matter.
 */
class ReplicationStoreTests {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    @Test
    void syncMasterAcksOnSlaveReportTimesOutWithoutAndRefusesWithoutSlave() throws Exception {
        MessageStoreConfig c = config(dir.resolve("m"));
        c.setBrokerRole(BrokerRole.SYNC_MASTER);
        c.setFlushDiskType(FlushDiskType.SYNC_FLUSH);
        c.setHaListenPort(0);
        c.setSlaveTimeout(500);
        c.setHaSendHeartbeatInterval(200);
        FileMessageStore master = StoreTestSupport.open(c);
        try {
            master.startReplication();
            assertThat(master.putMessage(msg("T", 0, null, "alone")).get(5, TimeUnit.SECONDS).status())
                .isEqualTo(PutStatus.SLAVE_NOT_AVAILABLE);
            long start = master.getMaxPhyOffset();

            try (SocketChannel slave = SocketChannel.open(new InetSocketAddress("127.0.0.1", master.haListenPort()))) {
                report(slave, start);
                await().atMost(WAIT).until(() -> master.replicationState().slaves().size() == 1
                    && master.replicationState().slaves().get(0).ackOffset() == start);

                CompletableFuture<PutResult> put = master.putMessage(msg("T", 0, null, "replicate me"));
                ByteBuffer header = readDataHeader(slave);
                assertThat(header.getLong(0)).isEqualTo(start);
                int size = header.getInt(8);
                ByteBuffer data = read(slave, size);
                assertThat(data).isEqualTo(master.getCommitLogData(start).limit(size));
                assertThat(put).isNotDone();
                report(slave, start + size);
                PutResult ok = put.get(5, TimeUnit.SECONDS);
                assertThat(ok.status()).isEqualTo(PutStatus.PUT_OK);
                assertThat(ok.wroteOffset() + ok.wroteBytes()).isEqualTo(start + size);
                assertThat(master.replicationState().push2SlaveMaxOffset()).isEqualTo(start + size);

                CompletableFuture<PutResult> unacked = master.putMessage(msg("T", 0, null, "nobody acks"));
                assertThat(unacked.get(5, TimeUnit.SECONDS).status()).isEqualTo(PutStatus.FLUSH_SLAVE_TIMEOUT);
                long end = master.getMaxPhyOffset();
                ByteBuffer next = readDataHeader(slave);
                read(slave, next.getInt(8));
                ByteBuffer heartbeat = read(slave, 12);
                assertThat(heartbeat.getLong(0)).isEqualTo(end);
                assertThat(heartbeat.getInt(8)).isZero();

                report(slave, end + 1000);
                await().atMost(WAIT).until(() -> master.replicationState().slaves().isEmpty());
            }
            assertThat(master.putMessage(msg("T", 0, null, "gone")).get(5, TimeUnit.SECONDS).status())
                .isEqualTo(PutStatus.SLAVE_NOT_AVAILABLE);
        } finally {
            master.shutdown();
        }
    }

    @Test
    void slaveStoreReplicatesAcrossFilesDispatchesAndRefusesPuts() throws Exception {
        MessageStoreConfig mc = config(dir.resolve("m"));
        mc.setHaListenPort(0);
        FileMessageStore master = StoreTestSupport.open(mc);
        FileMessageStore slave = null;
        try {
            master.startReplication();
            MessageStoreConfig sc = config(dir.resolve("s"));
            sc.setBrokerRole(BrokerRole.SLAVE);
            sc.setHaMasterAddress("127.0.0.1:" + master.haListenPort());
            slave = StoreTestSupport.open(sc);
            slave.startReplication();
            await().atMost(WAIT).until(() -> master.replicationState().slaves().size() == 1);
            String body = "x".repeat(1000);
            for (int i = 0; i < 150; i++) {
                assertThat(master.putMessage(msg("T", i % 2, "k" + i, body + i)).get(5, TimeUnit.SECONDS).status())
                    .isEqualTo(PutStatus.PUT_OK);
            }
            assertThat(master.getMaxPhyOffset()).isGreaterThan(2L * 64 * 1024);
            FileMessageStore s = slave;
            await().atMost(WAIT).until(() -> s.getMaxPhyOffset() == master.getMaxPhyOffset()
                && s.getMaxOffsetInQueue("T", 0) == 75 && s.getMaxOffsetInQueue("T", 1) == 75);
            GetMessageResult r = s.getMessage("g", "T", 1, 74, 1, Integer.MAX_VALUE, null);
            assertThat(StoreTestSupport.body(r.messages().get(0))).isEqualTo(body + 149);
            assertThat(s.queryMessage("T", "k148", 4, 0, Long.MAX_VALUE).messages()).hasSize(1);
            assertThat(s.replicationState().masterConnected()).isTrue();
            assertThat(s.putMessage(msg("T", 0, null, "no")).get().status())
                .isEqualTo(PutStatus.SERVICE_NOT_AVAILABLE);
        } finally {
            if (slave != null) {
                slave.shutdown();
            }
            master.shutdown();
        }
    }

    @Test
    void slaveReconnectsAfterTheMasterRestartsAndContinuesFromItsEnd() throws Exception {
        MessageStoreConfig mc = config(dir.resolve("m"));
        mc.setHaListenPort(0);
        FileMessageStore master = StoreTestSupport.open(mc);
        master.startReplication();
        int port = master.haListenPort();
        MessageStoreConfig sc = config(dir.resolve("s"));
        sc.setBrokerRole(BrokerRole.SLAVE);
        sc.setHaMasterAddress("127.0.0.1:" + port);
        FileMessageStore slave = StoreTestSupport.open(sc);
        try {
            slave.startReplication();
            for (int i = 0; i < 10; i++) {
                master.putMessage(msg("T", 0, null, "before " + i)).get(5, TimeUnit.SECONDS);
            }
            FileMessageStore m1 = master;
            await().atMost(WAIT).until(() -> slave.getMaxPhyOffset() == m1.getMaxPhyOffset());
            master.shutdown();
            await().atMost(WAIT).until(() -> !slave.replicationState().masterConnected());

            mc.setHaListenPort(port);
            master = StoreTestSupport.open(mc);
            master.startReplication();
            for (int i = 0; i < 10; i++) {
                master.putMessage(msg("T", 0, null, "after " + i)).get(5, TimeUnit.SECONDS);
            }
            FileMessageStore m2 = master;
            await().atMost(WAIT).until(() -> slave.getMaxPhyOffset() == m2.getMaxPhyOffset()
                && slave.getMaxOffsetInQueue("T", 0) == 20);
            GetMessageResult r = slave.getMessage("g", "T", 0, 19, 1, Integer.MAX_VALUE, null);
            assertThat(StoreTestSupport.body(r.messages().get(0))).isEqualTo("after 9");
        } finally {
            slave.shutdown();
            master.shutdown();
        }
    }

    @Test
    void slaveDropsAFrameAtTheWrongOffsetAndReconnects() throws Exception {
        try (ServerSocketChannel fakeMaster = ServerSocketChannel.open()) {
            fakeMaster.bind(new InetSocketAddress("127.0.0.1", 0));
            MessageStoreConfig sc = config(dir.resolve("s"));
            sc.setBrokerRole(BrokerRole.SLAVE);
            sc.setHaMasterAddress("127.0.0.1:" + fakeMaster.socket().getLocalPort());
            FileMessageStore slave = StoreTestSupport.open(sc);
            try {
                slave.startReplication();
                try (SocketChannel first = fakeMaster.accept()) {
                    assertThat(read(first, 8).getLong(0)).isZero();
                    ByteBuffer frame = ByteBuffer.allocate(16).putLong(100).putInt(4).putInt(7).flip();
                    first.write(frame);
                    first.socket().setSoTimeout(5000);
                    assertThat(first.socket().getInputStream().read()).isEqualTo(-1);
                }
                try (SocketChannel second = fakeMaster.accept()) {
                    assertThat(read(second, 8).getLong(0)).isZero();
                }
                assertThat(slave.getMaxPhyOffset()).isZero();
            } finally {
                slave.shutdown();
            }
        }
    }

    @Test
    void aRecordSplitAcrossFramesIsDispatchedOnlyOnceComplete() throws Exception {
        FileMessageStore source = StoreTestSupport.open(config(dir.resolve("src")));
        byte[] log;
        try {
            for (int i = 0; i < 3; i++) {
                source.putMessage(msg("T", 0, null, "split " + i)).get(5, TimeUnit.SECONDS);
            }
            ByteBuffer all = source.getCommitLogData(0);
            log = new byte[all.remaining()];
            all.get(log);
        } finally {
            source.shutdown();
        }
        try (ServerSocketChannel fakeMaster = ServerSocketChannel.open()) {
            fakeMaster.bind(new InetSocketAddress("127.0.0.1", 0));
            MessageStoreConfig sc = config(dir.resolve("s"));
            sc.setBrokerRole(BrokerRole.SLAVE);
            sc.setHaMasterAddress("127.0.0.1:" + fakeMaster.socket().getLocalPort());
            FileMessageStore slave = StoreTestSupport.open(sc);
            try (SocketChannel channel = acceptAfterStart(fakeMaster, slave)) {
                assertThat(read(channel, 8).getLong(0)).isZero();
                int cut = log.length - 30;
                channel.write(ByteBuffer.allocate(12 + cut).putLong(0).putInt(cut).put(log, 0, cut).flip());
                await().atMost(WAIT).until(() -> slave.getMaxPhyOffset() == cut);
                await().during(Duration.ofMillis(300)).atMost(WAIT)
                    .until(() -> slave.getMaxOffsetInQueue("T", 0) == 2 && slave.dispatchBehindBytes() > 0);
                channel.write(ByteBuffer.allocate(42).putLong(cut).putInt(30).put(log, cut, 30).flip());
                await().atMost(WAIT).until(() -> slave.getMaxOffsetInQueue("T", 0) == 3);
                GetMessageResult r = slave.getMessage("g", "T", 0, 2, 1, Integer.MAX_VALUE, null);
                assertThat(StoreTestSupport.body(r.messages().get(0))).isEqualTo("split 2");
            } finally {
                slave.shutdown();
            }
        }
    }

    private static SocketChannel acceptAfterStart(ServerSocketChannel server, FileMessageStore slave)
        throws IOException {
        slave.startReplication();
        return server.accept();
    }

    private static void report(SocketChannel channel, long offset) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8).putLong(offset).flip();
        while (b.hasRemaining()) {
            channel.write(b);
        }
    }

    /** Reads exactly n bytes, failing after 5 s. */
    private static ByteBuffer read(SocketChannel channel, int n) throws IOException {
        channel.socket().setSoTimeout(5000);
        byte[] b = new byte[n];
        new DataInputStream(channel.socket().getInputStream()).readFully(b);
        return ByteBuffer.wrap(b);
    }

    /** @return the header of the next data frame, skipping heartbeats */
    private static ByteBuffer readDataHeader(SocketChannel channel) throws IOException {
        while (true) {
            ByteBuffer header = read(channel, 12);
            if (header.getInt(8) > 0) {
                return header;
            }
        }
    }
}
