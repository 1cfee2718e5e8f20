package org.rocketmqhm.benchmark;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;

/**
 * Drives any RocketMQ 4.x name-server address with Apache's 4.9.7 client and prints one {@code BENCH {json}} line
 * per scenario, then a table.
 *
 * <p>Scenarios: {@code produce-1k-8t}, {@code produce-1k-32t}, {@code produce-16k-4t}, {@code produce} (uses
 * {@code --threads} and {@code --size}), {@code consume} (drains what this run produced), {@code e2e} (fixed rate
 * with a consumer running) and {@code rss} or {@code rss-<anything>} (resident
 * memory of {@code --broker-pid}).
 *
 * @since 0.1.0
 */
@Command(name = "rocketmq-benchmark", mixinStandardHelpOptions = true,
        description = "Measures a RocketMQ 4.x name server + broker with Apache's 4.9.7 client.")
public final class BenchmarkCommand implements Callable<Integer> {

    static final String DEFAULT_SCENARIOS = "produce-1k-8t,produce-1k-32t,produce-16k-4t,consume,e2e,rss";

    @Option(names = "--namesrv", defaultValue = "127.0.0.1:9876", description = "name server address")
    String namesrv;

    @Option(names = "--duration", defaultValue = "30", description = "measured seconds per scenario")
    int duration;

    @Option(names = "--warmup", defaultValue = "5", description = "warm-up seconds before each scenario")
    int warmup;

    @Option(names = "--threads", defaultValue = "8", description = "sending threads of the 'produce' scenario")
    int threads;

    @Option(names = "--size", defaultValue = "1024", description = "body bytes of the 'produce' and 'e2e' scenarios")
    int size;

    @Option(names = "--rate", defaultValue = "2000", description = "messages per second of the 'e2e' scenario")
    int rate;

    @Option(names = "--scenarios", defaultValue = DEFAULT_SCENARIOS, split = ",",
            description = "comma-separated scenarios, default ${DEFAULT-VALUE}")
    List<String> scenarios;

    @Option(names = "--broker-pid", split = ",", description = "pid(s) whose VmRSS the 'rss' scenario reports")
    List<Long> brokerPids = new ArrayList<>();

    @Option(names = "--label", defaultValue = "broker", description = "label written into every result")
    String label;

    @Option(names = "--topic-queues", defaultValue = "8", description = "queues of the benchmark topics")
    int topicQueues;

    public static void main(String[] args) {
        System.setProperty("rocketmq.client.logUseSlf4j", "false");
        System.setProperty("rocketmq.client.logLevel", "WARN");
        int exit = new CommandLine(new BenchmarkCommand()).execute(args);
        System.exit(exit);
    }

    @Override
    public Integer call() throws Exception {
        String runId = label.replaceAll("[^A-Za-z0-9_-]", "_") + "_" + System.currentTimeMillis();
        Clients clients = new Clients(namesrv, runId);
        String topic = "bench_" + runId;
        List<ScenarioResult> results = new ArrayList<>();
        long produced = 0;
        boolean topicReady = false;
        for (String scenario : scenarios) {
            ScenarioResult result;
            if (scenario.startsWith("produce")) {
                if (!topicReady) {
                    TopicSetup.createTopic(clients, topic, topicQueues);
                    topicReady = true;
                }
                int[] shape = produceShape(scenario);
                ProduceScenario produce = new ProduceScenario(clients, topic, shape[0], shape[1]);
                result = produce.run(label, scenario, warmup, duration);
                produced += produce.sentOk();
            } else if (scenario.equals("consume")) {
                result = new ConsumeScenario(clients, topic).run(label, produced);
            } else if (scenario.equals("e2e")) {
                String e2eTopic = topic + "_e2e";
                TopicSetup.createTopic(clients, e2eTopic, topicQueues);
                result = new EndToEndScenario(clients, e2eTopic, rate, size).run(label, warmup, duration);
            } else if (scenario.startsWith("rss")) {
                result = rss(scenario);
            } else {
                throw new CommandLine.ParameterException(new CommandLine(this), "unknown scenario " + scenario);
            }
            System.out.println(result.toLine());
            System.out.flush();
            results.add(result);
        }
        System.out.println();
        System.out.print(ResultTable.render(results));
        return 0;
    }

    /** @return {threads, size} of a produce scenario name */
    int[] produceShape(String scenario) {
        return switch (scenario) {
            case "produce-1k-8t" -> new int[] {8, 1024};
            case "produce-1k-32t" -> new int[] {32, 1024};
            case "produce-16k-4t" -> new int[] {4, 16 * 1024};
            case "produce" -> new int[] {threads, size};
            default -> throw new CommandLine.ParameterException(new CommandLine(this),
                    "unknown scenario " + scenario);
        };
    }

    private ScenarioResult rss(String name) {
        ScenarioResult result = new ScenarioResult(label, name);
        long totalKib = 0;
        long anonKib = 0;
        long fileKib = 0;
        Map<String, Long> perPid = new LinkedHashMap<>();
        for (long pid : brokerPids) {
            OptionalLong kib = ProcessMemory.residentKib(pid);
            perPid.put("rss_kib_" + pid, kib.isPresent() ? kib.getAsLong() : null);
            totalKib += kib.orElse(0);
            anonKib += ProcessMemory.statusKib(pid, "RssAnon").orElse(0);
            fileKib += ProcessMemory.statusKib(pid, "RssFile").orElse(0);
        }
        perPid.forEach(result::put);
        return result.put("pids", brokerPids.size()).put("rss_mib", totalKib / 1024.0)
                .put("rss_anon_mib", anonKib / 1024.0).put("rss_file_mib", fileKib / 1024.0);
    }
}
