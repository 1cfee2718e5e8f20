package org.rocketmqhm.brokerapp;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The application in a child JVM (the built jar, or the test class path); its output is kept and echoed. */
final class ChildProcess implements AutoCloseable {

    private static final Pattern HTTP_PORT = Pattern.compile("http on port (\\d+)");
    /**
     * The flat (shaded) application jar, as operators run it ({@code java -jar}); failsafe sets it for the *IT tests,
     * which run after packaging. Without it (surefire) the child runs the test class path.
     */
    private static final String JAR = System.getProperty("rocketmq.hm.jar");

    private final String name;
    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile int httpPort = -1;
    private final Thread reader;

    private ChildProcess(String name, List<String> args) throws IOException {
        this.name = name;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
            .toString(), "-Xmx256m", "-XX:TieredStopAtLevel=1"));
        if (JAR != null && !JAR.isBlank()) {
            command.addAll(List.of("-jar", JAR));
        } else {
            command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                RocketMQBrokerApplication.class.getName()));
        }
        command.addAll(List.of("--logging.level.root=WARN",
            "--logging.level.org.rocketmqhm.brokerapp.ReadyAnnouncer=INFO",
            "--logging.level.org.rocketmqhm.core.store.FileMessageStore=INFO"));
        if (args.stream().noneMatch(a -> a.startsWith("--server.port="))) {
            command.add("--server.port=0");
        }
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.redirectErrorStream(true);
        process = builder.start();
        reader = new Thread(this::pump, "child-output-" + name);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts the child; does not wait. */
    static ChildProcess start(String name, String... args) throws IOException {
        return new ChildProcess(name, List.of(args));
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
            StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                System.out.println("[" + name + "] " + line);
                output.append(line).append('\n');
                if (line.contains("Rocketmq-Hm ready")) {
                    Matcher m = HTTP_PORT.matcher(line);
                    if (m.find()) {
                        httpPort = Integer.parseInt(m.group(1));
                    }
                    ready.countDown();
                }
            }
        } catch (IOException ignored) {
            // the process is gone
        }
    }

    /** Waits for the ready line; fails (and kills the child) after the timeout or if it exits first. */
    ChildProcess awaitReady(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.await(200, TimeUnit.MILLISECONDS)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new IllegalStateException(name + " did not become ready: " + output);
            }
        }
        return this;
    }

    /** @return the exit code, waiting at most the timeout */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not exit within " + timeout + ": " + output);
        }
        reader.join(5000);
        return process.exitValue();
    }

    /** Sends SIGTERM and waits for the exit. @return the exit code */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        return awaitExit(timeout);
    }

    String output() {
        return output.toString();
    }

    int httpPort() {
        return httpPort;
    }

    String http() {
        return "http://127.0.0.1:" + httpPort;
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /**
     * A free port for a broker whose neighbours it also binds are free too: the HA port (+1) and the VIP port
     * (-2). A plain free port can have a taken neighbour on a busy machine, and the broker then fails to start.
     */
    static int freeBrokerPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port = freePort();
            if (port - 2 > 1024 && port + 1 < 65536 && free(port - 2) && free(port + 1)) {
                return port;
            }
        }
        throw new IllegalStateException("no free broker port with free neighbours found");
    }

    private static boolean free(int port) {
        try (ServerSocket ignored = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
