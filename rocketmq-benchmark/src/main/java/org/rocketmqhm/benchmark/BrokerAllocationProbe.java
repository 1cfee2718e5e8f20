package org.rocketmqhm.benchmark;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.rocketmqhm.core.broker.LocalPlatform;
import org.rocketmqhm.core.store.config.FlushDiskType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Bytes the in-process name server and broker allocate per message: N 1 KiB messages sent with Apache's
 * 4.9.7 producer (synchronous sends from several threads) after a warm-up, then consumed with Apache's push
 * consumer. Only the platform's threads are counted ({@link ThreadGroupAllocation}): the platform is started from
 * a thread of its own thread group, the clients from the main thread.
 *
 * <p>Run: {@code java -cp rocketmq-benchmark/target/rocketmq-benchmark.jar
 * org.rocketmqhm.benchmark.BrokerAllocationProbe [messages=50000] [warmup=10000] [threads=4] [flush=SYNC_FLUSH]}
 *
 * @since 0.1.0
 */
public final class BrokerAllocationProbe {

    private static final String TOPIC = "AllocProbe";
    private static final int SIZE = 1024;

    private BrokerAllocationProbe() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        FlushDiskType flush = FlushDiskType.valueOf(args.length > 3 ? args[3] : "SYNC_FLUSH");
        Path storeDir = Files.createTempDirectory("alloc-probe");
        ThreadGroup platformGroup = new ThreadGroup("platform");
        LocalPlatform platform = startIn(platformGroup, storeDir, flush);
        try (ThreadGroupAllocation allocation = new ThreadGroupAllocation(platformGroup)) {
            Clients clients = new Clients(platform.nameServerAddress(), "probe");
            TopicSetup.createTopic(clients, TOPIC, 8);
            DefaultMQProducer producer = clients.producer("alloc_probe_producer");
            producer.start();
            try {
                send(producer, warmup, threads);
                long before = allocation.total();
                Map<String, Long> breakdownBefore = allocation.byNamePrefix();
                long start = System.nanoTime();
                send(producer, messages, threads);
                long sendBytes = allocation.total() - before;
                report("send", sendBytes, messages, System.nanoTime() - start);
                printBreakdown(breakdownBefore, allocation.byNamePrefix(), messages);
            } finally {
                producer.shutdown();
            }
            consume(clients, allocation, warmup, messages);
        } finally {
            platform.close();
            deleteRecursively(storeDir);
        }
    }

    private static LocalPlatform startIn(ThreadGroup group, Path storeDir, FlushDiskType flush)
            throws InterruptedException {
        AtomicReference<LocalPlatform> platform = new AtomicReference<>();
        Thread starter = new Thread(group, () -> platform.set(LocalPlatform.start(storeDir, broker -> { },
                store -> store.setFlushDiskType(flush))), "platform-starter");
        starter.start();
        starter.join();
        if (platform.get() == null) {
            throw new IllegalStateException("platform did not start");
        }
        return platform.get();
    }

    private static void send(DefaultMQProducer producer, int count, int threads) throws InterruptedException {
        AtomicLong remaining = new AtomicLong(count);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        byte[] body = new byte[SIZE];
        Thread[] senders = new Thread[threads];
        for (int i = 0; i < threads; i++) {
            senders[i] = new Thread(() -> {
                try {
                    while (remaining.getAndDecrement() > 0) {
                        Message message = new Message(TOPIC, "TagA", body);
                        if (producer.send(message).getSendStatus() != SendStatus.SEND_OK) {
                            throw new IllegalStateException("send status not SEND_OK");
                        }
                    }
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    remaining.set(0);
                }
            }, "probe-sender-" + i);
            senders[i].start();
        }
        for (Thread sender : senders) {
            sender.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("send failed", failure.get());
        }
    }

    private static void consume(Clients clients, ThreadGroupAllocation allocation, int warmup, int messages)
            throws Exception {
        CountDownLatch warmedUp = new CountDownLatch(warmup);
        CountDownLatch all = new CountDownLatch(warmup + messages);
        DefaultMQPushConsumer consumer = clients.pushConsumer("alloc_probe_consumer", TOPIC);
        consumer.registerMessageListener((MessageListenerConcurrently) (batch, context) -> {
            for (int i = 0; i < batch.size(); i++) {
                warmedUp.countDown();
                all.countDown();
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            await(warmedUp, "warm-up consume");
            long before = allocation.total();
            Map<String, Long> breakdownBefore = allocation.byNamePrefix();
            long start = System.nanoTime();
            long consumedBefore = warmup + messages - all.getCount();
            await(all, "consume");
            long consumed = warmup + messages - consumedBefore;
            report("consume", allocation.total() - before, consumed, System.nanoTime() - start);
            printBreakdown(breakdownBefore, allocation.byNamePrefix(), consumed);
        } finally {
            consumer.shutdown();
        }
    }

    private static void await(CountDownLatch latch, String what) throws InterruptedException {
        if (!latch.await(5, TimeUnit.MINUTES)) {
            throw new IllegalStateException(what + " incomplete after 5 min, " + latch.getCount() + " left");
        }
    }

    private static void report(String phase, long bytes, long messages, long nanos) {
        System.out.printf("%-8s messages=%d platform_bytes=%d bytes_per_msg=%.0f msgs_per_s=%.0f%n", phase,
                messages, bytes, bytes / (double) messages, messages / (nanos / 1e9));
    }

    private static void printBreakdown(Map<String, Long> before, Map<String, Long> after, long messages) {
        after.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - before.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(12)
                .forEach(e -> System.out.printf("    %-40s %8.0f bytes/msg%n", e.getKey(),
                        e.getValue() / (double) messages));
    }

    private static void deleteRecursively(Path dir) throws Exception {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
