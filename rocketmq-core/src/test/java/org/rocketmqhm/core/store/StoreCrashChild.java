package org.rocketmqhm.core.store;

import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;
import org.rocketmqhm.core.store.config.FlushDiskType;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

/**
 * Child-JVM main for {@link StoreCrashTests}: opens a store and puts messages from several threads forever,
 * printing {@code ACK <queueId> <queueOffset> <bodyHash>} once each put is acknowledged (PUT_OK), until killed.
 * Arguments: store directory, flush type (SYNC_FLUSH or ASYNC_FLUSH), thread count.
 */
public final class StoreCrashChild {

    private StoreCrashChild() {
    }

    /** @param args dir, flush type, threads */
    public static void main(String[] args) {
        PrintStream out = System.out;
        MessageStoreConfig c = config(args[0], FlushDiskType.valueOf(args[1]));
        FileMessageStore store = new FileMessageStore(c, new InetSocketAddress("127.0.0.1", 10911), null);
        if (!store.load()) {
            out.println("LOAD-FAILED");
        }
        store.start();
        synchronized (out) {
            out.println("READY");
            out.flush();
        }
        int threads = Integer.parseInt(args[2]);
        for (int t = 0; t < threads; t++) {
            int q = t;
            Thread th = new Thread(() -> {
                for (long seq = 0; ; seq++) {
                    String body = "q" + q + "-s" + seq + "-" + ThreadLocalRandom.current().nextLong() + "-"
                            + "x".repeat(ThreadLocalRandom.current().nextInt(10, 400));
                    StoreMessage m = new StoreMessage();
                    m.setTopic("CRASH");
                    m.setQueueId(q);
                    m.setBody(body.getBytes(StandardCharsets.UTF_8));
                    m.setBornTimestamp(System.currentTimeMillis());
                    m.setBornHost(new InetSocketAddress("127.0.0.1", 5555));
                    PutResult r = store.putMessage(m).join();
                    if (r.status() == PutStatus.PUT_OK) {
                        synchronized (out) {
                            out.println("ACK " + q + " " + r.logicsOffset() + " " + body.hashCode());
                            out.flush();
                        }
                    }
                }
            }, "put-" + t);
            th.start();
        }
    }

    /** @param dir store dir @param flush flush type @return the config shared by child and verifier */
    static MessageStoreConfig config(String dir, FlushDiskType flush) {
        MessageStoreConfig c = new MessageStoreConfig();
        c.setStorePathRootDir(dir);
        c.setMapedFileSizeCommitLog(256 * 1024);
        c.setMappedFileSizeConsumeQueue(1000 * 20);
        c.setMaxHashSlotNum(1000);
        c.setMaxIndexNum(4000);
        c.setFlushDiskType(flush);
        return c;
    }
}
