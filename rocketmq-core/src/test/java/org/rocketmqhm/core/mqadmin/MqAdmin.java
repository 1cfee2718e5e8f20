package org.rocketmqhm.core.mqadmin;

import org.apache.commons.cli.CommandLine;
import org.apache.commons.cli.Options;
import org.apache.commons.cli.PosixParser;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.remoting.RPCHook;
import org.apache.rocketmq.srvutil.ServerUtil;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.apache.rocketmq.tools.command.SubCommand;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Our name server and broker with a little traffic on them, and a way to run Apache 4.9.7 {@code mqadmin}
 * subcommands in-process the way {@code MQAdminStartup} does (common options from {@link ServerUtil}, the
 * command's own options, {@code -n} exported as the name-server system property), capturing what they print.
 * {@code MQAdminStartup.main} itself is avoided because it calls {@code System.exit} on some paths.
 *
 * <p>Traffic: {@link #SENT} messages on {@link #TOPIC} with tag {@code TagA} and keys {@code key-<i>}, sent by
 * producer group {@link #PRODUCER_GROUP}, all consumed by the push consumer group {@link #GROUP}, which stays
 * online. Not thread-safe: one test class at a time.
 */
final class MqAdmin implements AutoCloseable {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
        System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
    }

    static final String TOPIC = "MqAdminTopic";
    static final String GROUP = "cg-mqadmin";
    static final String PRODUCER_GROUP = "pg-mqadmin";
    static final int SENT = 8;

    final OurRocketMQ platform;
    final DefaultMQProducer producer;
    final DefaultMQPushConsumer consumer;
    final List<SendResult> sent = new ArrayList<>();
    final AtomicInteger consumed = new AtomicInteger();

    private MqAdmin(Path dir) throws Exception {
        platform = OurRocketMQ.start(dir);
        producer = new DefaultMQProducer(PRODUCER_GROUP);
        producer.setNamesrvAddr(platform.nameServerAddress());
        producer.setInstanceName("mqadmin-producer-" + System.nanoTime());
        producer.setSendMsgTimeout(10000);
        producer.start();
        for (int i = 0; i < SENT; i++) {
            Message message = new Message(TOPIC, "TagA", "key-" + i, ("body-" + i).getBytes(StandardCharsets.UTF_8));
            sent.add(producer.send(message));
        }
        // Apache's producer heartbeats (which register it with the broker) 1 s after start and then every 30 s; on
        // a loaded machine the route may arrive after that first tick, so register now for the producer commands
        producer.getDefaultMQProducerImpl().getmQClientFactory().sendHeartbeatToAllBrokerWithLock();
        consumer = new DefaultMQPushConsumer(GROUP);
        consumer.setNamesrvAddr(platform.nameServerAddress());
        consumer.setInstanceName("mqadmin-consumer-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setPersistConsumerOffsetInterval(200);
        consumer.subscribe(TOPIC, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, ctx) -> {
            consumed.addAndGet(msgs.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        DefaultMQAdminExt admin = new DefaultMQAdminExt();
        admin.setNamesrvAddr(platform.nameServerAddress());
        admin.setInstanceName("mqadmin-wait-" + System.nanoTime());
        admin.start();
        try {
            // the client's own offset persistence starts 10 s after start; push the offsets once consumed
            await().atMost(Duration.ofSeconds(20)).until(() -> consumed.get() >= SENT);
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().untilAsserted(() -> {
                consumer.getDefaultMQPushConsumerImpl().persistConsumerOffset();
                var stats = admin.examineConsumeStats(GROUP);
                assertThat(stats.computeTotalDiff()).isZero();
                assertThat(stats.getOffsetTable().values().stream().mapToLong(o -> o.getConsumerOffset()).sum())
                    .isEqualTo(SENT);
            });
        } finally {
            admin.shutdown();
        }
    }

    static MqAdmin start(Path dir) throws Exception {
        return new MqAdmin(dir);
    }

    String namesrv() {
        return platform.nameServerAddress();
    }

    String broker() {
        return platform.brokerAddress();
    }

    String cluster() {
        return platform.clusterName();
    }

    /** Runs the command with {@code -n <our name server>} prepended; fails the test if it throws. */
    String run(SubCommand command, String... args) {
        Run result = attempt(command, args);
        if (result.failure != null) {
            throw new AssertionError("mqadmin " + command.commandName() + " failed; output:\n" + result.output,
                result.failure);
        }
        return result.output;
    }

    /** Runs the command and reports its output and whatever it threw. */
    Run attempt(SubCommand command, String... args) {
        return attempt(namesrv(), null, command, args);
    }

    /**
     * Runs a command against any name server, signing with {@code rpcHook} (null for none), and reports its output
     * and whatever it threw.
     */
    static Run attempt(String namesrv, RPCHook rpcHook, SubCommand command, String... args) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        Throwable failure = capturing(captured, () -> execute(namesrv, rpcHook, command, args));
        return report(command, args, captured, failure);
    }

    /**
     * Runs a command that loops until interrupted (e.g. {@code clusterRT}) on another thread, until its output
     * satisfies {@code done} (at most {@code max}), then interrupts it.
     */
    String runUntil(SubCommand command, Predicate<String> done, Duration max, String... args) throws Exception {
        SyncOutput captured = new SyncOutput();
        Throwable[] failure = new Throwable[1];
        Thread runner = new Thread(() -> failure[0] = capturing(captured, () -> execute(namesrv(), null, command, args)),
            "mqadmin-" + command.commandName());
        runner.start();
        try {
            await().atMost(max).until(() -> done.test(captured.text()));
        } finally {
            runner.interrupt();
            runner.join(10_000);
        }
        return report(command, args, captured, null).output;
    }

    private static void execute(String namesrv, RPCHook rpcHook, SubCommand command, String... args)
        throws Exception {
        String[] full = new String[args.length + 2];
        full[0] = "-n";
        full[1] = namesrv;
        System.arraycopy(args, 0, full, 2, args.length);
        Options options = command.buildCommandlineOptions(ServerUtil.buildCommandlineOptions(new Options()));
        CommandLine commandLine = new PosixParser().parse(options, full);
        System.setProperty(MixAll.NAMESRV_ADDR_PROPERTY, commandLine.getOptionValue('n'));
        command.execute(commandLine, options, rpcHook);
    }

    private static Throwable capturing(ByteArrayOutputStream captured, Action action) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        System.setErr(capture);
        try {
            action.run();
            return null;
        } catch (Throwable e) {
            e.printStackTrace(capture);
            return e;
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    private static Run report(SubCommand command, String[] args, ByteArrayOutputStream captured, Throwable failure) {
        String output = captured.toString(StandardCharsets.UTF_8);
        System.out.println("=== mqadmin " + command.commandName() + " " + String.join(" ", args) + "\n" + output);
        return new Run(output, failure);
    }

    private interface Action {
        void run() throws Exception;
    }

    /** A capture buffer readable while the command still writes to it. */
    private static final class SyncOutput extends ByteArrayOutputStream {
        synchronized String text() {
            return toString(StandardCharsets.UTF_8);
        }
    }

    record Run(String output, Throwable failure) {
    }

    @Override
    public void close() {
        consumer.shutdown();
        producer.shutdown();
        platform.close();
    }
}
