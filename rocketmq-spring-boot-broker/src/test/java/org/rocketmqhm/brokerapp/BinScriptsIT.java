package org.rocketmqhm.brokerapp;

import org.apache.rocketmq.common.protocol.body.ClusterInfo;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged jar started as operators start it: {@code bin/mqnamesrv}, {@code bin/mqbroker -n}, then
 * {@code bin/mqshutdown}. The first start records the class-data-sharing archive that the second one uses; SIGTERM
 * leaves no abort file. Runs in the integration-test phase, after the jar is shaded.
 */
class BinScriptsIT {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    @TempDir
    Path dir;

    private final Path root = Path.of("").toAbsolutePath().getParent();
    private final List<Process> started = new ArrayList<>();

    @Test
    void namesrvAndBrokerScriptsStartFromTheArchiveAndShutDownCleanly() throws Exception {
        Path jar = root.resolve("rocketmq-spring-boot-broker/target/rocketmq-spring-boot-broker.jar");
        assertThat(jar).exists();
        Path cds = dir.resolve("cds");
        int namesrvPort = ChildProcess.freePort();
        int brokerPort = ChildProcess.freeBrokerPort();
        Path store = dir.resolve("store");
        try {
            Script namesrv = script(jar, cds, "mqnamesrv", "--rocketmq.namesrv.listen-port=" + namesrvPort,
                "--rocketmq.namesrv.kv-config-path=" + dir.resolve("kv.json"), "--server.port=0");
            namesrv.awaitLine("Rocketmq-Hm ready in", Duration.ofMinutes(4));
            assertThat(namesrv.output()).contains("recording a class-data-sharing archive");
            assertThat(cds.resolve("app.jsa")).isNotEmptyFile();

            Script broker = script(jar, cds, "mqbroker", "-n", "127.0.0.1:" + namesrvPort,
                "--rocketmq.broker.listen-port=" + brokerPort, "--rocketmq.broker.store-path-root-dir=" + store,
                "--rocketmq.broker.broker-ip1=127.0.0.1", "--rocketmq.broker.broker-name=broker-bin",
                "--server.port=0");
            broker.awaitLine("Rocketmq-Hm ready in", Duration.ofMinutes(2));
            assertThat(broker.output()).doesNotContain("recording a class-data-sharing archive")
                .contains("messaging roles serving");

            DefaultMQAdminExt admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr("127.0.0.1:" + namesrvPort);
            admin.setInstanceName("bin-scripts-it");
            admin.start();
            try {
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    ClusterInfo info = admin.examineBrokerClusterInfo();
                    assertThat(info.getBrokerAddrTable()).containsKey("broker-bin");
                    assertThat(info.getBrokerAddrTable().get("broker-bin").getBrokerAddrs().get(0L))
                        .isEqualTo("127.0.0.1:" + brokerPort);
                });
            } finally {
                admin.shutdown();
            }

            assertThat(run("mqshutdown", "broker")).contains("Sent SIGTERM to broker");
            assertThat(broker.process.waitFor(60, TimeUnit.SECONDS)).as("broker exits after SIGTERM").isTrue();
            assertThat(store.resolve("abort")).as("clean shutdown removes the abort file").doesNotExist();
            assertThat(run("mqshutdown", "namesrv")).contains("Sent SIGTERM to namesrv");
            assertThat(namesrv.process.waitFor(60, TimeUnit.SECONDS)).as("name server exits after SIGTERM").isTrue();
        } finally {
            started.forEach(Process::destroyForcibly);
        }
    }

    private Script script(Path jar, Path cds, String name, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("sh", root.resolve("bin").resolve(name).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("ROCKETMQ_HM_JAR", jar.toString());
        builder.environment().put("ROCKETMQ_HM_CDS_DIR", cds.toString());
        builder.environment().put("JAVA_OPT", "-Xmx256m -Duser.home=" + dir);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        started.add(process);
        return new Script(name, process);
    }

    private String run(String name, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("sh", root.resolve("bin").resolve(name).toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** A started script whose output is echoed and kept. */
    private static final class Script {
        private final Process process;
        private final StringBuffer output = new StringBuffer();

        Script(String name, Process process) {
            this.process = process;
            Thread pump = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                    for (String line; (line = in.readLine()) != null; ) {
                        System.out.println("[" + name + "] " + line);
                        output.append(line).append('\n');
                    }
                } catch (IOException ignored) {
                    // the process is gone
                }
            }, "script-output-" + name);
            pump.setDaemon(true);
            pump.start();
        }

        String output() {
            return output.toString();
        }

        void awaitLine(String text, Duration timeout) {
            await().atMost(timeout).pollInterval(Duration.ofMillis(200)).until(() -> {
                if (output.indexOf(text) >= 0) {
                    return true;
                }
                if (!process.isAlive()) {
                    throw new IllegalStateException("exited before '" + text + "':\n" + output);
                }
                return false;
            });
        }
    }
}
