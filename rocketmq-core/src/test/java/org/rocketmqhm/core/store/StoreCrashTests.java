package org.rocketmqhm.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.store.config.FlushDiskType;

/**
 * Kills a child JVM that is writing to a store (SIGKILL via destroyForcibly) at random moments, then reopens the
 * store here and checks every acknowledged message and the consume queues' consistency.
 */
class StoreCrashTests {

    private static final int THREADS = 3;
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    private record Ack(int queueId, long offset, int hash) {
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void syncFlushLosesNoAcknowledgedMessageAcrossSigkills() throws Exception {
        Map<String, Ack> all = new HashMap<>();
        for (int round = 1; round <= ROUNDS; round++) {
            List<Ack> acks = runAndKill(FlushDiskType.SYNC_FLUSH);
            acks.forEach(a -> all.put(a.queueId() + "/" + a.offset(), a));
            int lost = verify(FlushDiskType.SYNC_FLUSH, all.values());
            System.out.printf("SYNC_FLUSH round %d: %d acknowledged this round, %d total, %d lost%n", round,
                    acks.size(), all.size(), lost);
            assertThat(lost).isZero();
        }
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void asyncFlushStaysConsistentAcrossSigkillsAndReportsLosses() throws Exception {
        int totalLost = 0;
        int totalAcked = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            List<Ack> acks = runAndKill(FlushDiskType.ASYNC_FLUSH);
            int lost = verify(FlushDiskType.ASYNC_FLUSH, acks);
            totalLost += lost;
            totalAcked += acks.size();
            System.out.printf("ASYNC_FLUSH round %d: %d acknowledged, %d lost%n", round, acks.size(), lost);
        }
        System.out.printf("ASYNC_FLUSH total: %d acknowledged, %d lost after %d SIGKILLs%n", totalAcked, totalLost,
                ROUNDS);
    }

    private List<Ack> runAndKill(FlushDiskType flush) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                StoreCrashChild.class.getName(), dir.toString(), flush.name(), String.valueOf(THREADS));
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        List<Ack> acks = new CopyOnWriteArrayList<>();
        List<String> other = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    String[] f = line.split(" ");
                    if (f.length == 4 && f[0].equals("ACK")) {
                        acks.add(new Ack(Integer.parseInt(f[1]), Long.parseLong(f[2]), Integer.parseInt(f[3])));
                    } else {
                        other.add(line);
                    }
                }
            } catch (Exception e) {
                other.add("reader: " + e);
            }
        }, "child-stdout");
        reader.start();
        int target = ThreadLocalRandom.current().nextInt(30, 400);
        try {
            await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(5))
                    .until(() -> acks.size() >= target || !p.isAlive());
        } finally {
            p.destroyForcibly();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();
            reader.join(10_000);
        }
        assertThat(other).noneMatch(l -> l.startsWith("LOAD-FAILED"));
        assertThat(acks).as("child output: %s", other).isNotEmpty();
        assertThat(new File(dir.toFile(), "abort")).exists();
        return new ArrayList<>(acks);
    }

    /** Reopens the store, checks consistency, counts acknowledged messages missing or different. */
    private int verify(FlushDiskType flush, Iterable<Ack> acks) {
        FileMessageStore s = new FileMessageStore(StoreCrashChild.config(dir.toString(), flush),
                new InetSocketAddress("127.0.0.1", 10911), null);
        assertThat(s.load()).isTrue();
        s.start();
        try {
            long end = s.getMaxPhyOffset();
            for (int q = 0; q < THREADS; q++) {
                long max = s.getMaxOffsetInQueue("CRASH", q);
                for (long off = s.getMinOffsetInQueue("CRASH", q); off < max; off++) {
                    long phy = s.getCommitLogOffsetInQueue("CRASH", q, off);
                    assertThat(phy).as("queue %d offset %d", q, off).isBetween(0L, end - 1);
                    MessageExt m = s.lookMessageByOffset(phy);
                    assertThat(m).as("record of queue %d offset %d", q, off).isNotNull();
                    assertThat(m.getQueueId()).isEqualTo(q);
                    assertThat(m.getQueueOffset()).isEqualTo(off);
                    assertThat(phy + m.getStoreSize()).isLessThanOrEqualTo(end);
                }
            }
            int lost = 0;
            for (Ack a : acks) {
                long phy = a.offset() < s.getMaxOffsetInQueue("CRASH", a.queueId())
                        ? s.getCommitLogOffsetInQueue("CRASH", a.queueId(), a.offset()) : -1;
                MessageExt m = phy < 0 ? null : s.lookMessageByOffset(phy);
                if (m == null || new String(m.getBody(), StandardCharsets.UTF_8).hashCode() != a.hash()) {
                    lost++;
                }
            }
            return lost;
        } finally {
            s.shutdown();
        }
    }
}
