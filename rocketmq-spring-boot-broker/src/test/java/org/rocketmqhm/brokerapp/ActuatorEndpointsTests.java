package org.rocketmqhm.brokerapp;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.brokerapp.NameServerConfiguration.NameServerLifecycle;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** /actuator over HTTP: health components and probe groups, info, rocketmq.* meters that move with traffic. */
class ActuatorEndpointsTests {

    static {
        System.setProperty("rocketmq.client.logUseSlf4j", "true");
    }

    // HTTP/1.1: the JDK client's default h2c upgrade attempt can stall against the plain HTTP/1.1 server
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    @Test
    void healthInfoAndMetricsOverHttp() throws Exception {
        try (ConfigurableApplicationContext context = RocketMQBrokerApplication.run("--server.port=0",
            "--rocketmq.namesrv.listen-port=0", "--rocketmq.broker.listen-port=0",
            "--rocketmq.broker.store-path-root-dir=" + dir.resolve("store"),
            "--rocketmq.namesrv.kv-config-path=" + dir.resolve("kv.json"), "--rocketmq.broker.broker-ip1=127.0.0.1",
            "--rocketmq.broker.broker-name=broker-ops", "--rocketmq.broker.mapped-file-size-commit-log=4194304")) {
            String base = "http://127.0.0.1:" + ((WebServerApplicationContext) context).getWebServer().getPort();
            String namesrv = "127.0.0.1:" + context.getBean(NameServerLifecycle.class).nameServer().listenPort();

            HttpResponse<String> health = get(base + "/actuator/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"store\":{\"status\":\"UP\"")
                .contains("\"nameServerRegistration\":{\"status\":\"UP\"").contains("\"" + namesrv + "\"")
                .contains("\"role\":{\"status\":\"UP\"").contains("\"brokerName\":\"broker-ops\"")
                .contains("\"brokerRole\":\"ASYNC_MASTER\"").contains("\"cluster\":\"DefaultCluster\"");
            HttpResponse<String> readiness = get(base + "/actuator/health/readiness");
            assertThat(readiness.statusCode()).isEqualTo(200);
            assertThat(readiness.body()).contains("store").contains("nameServerRegistration")
                .contains("readinessState");
            assertThat(get(base + "/actuator/health/liveness").statusCode()).isEqualTo(200);
            assertThat(get(base + "/actuator/info").body()).contains("\"rocketmq\"")
                .contains("\"brokerName\":\"broker-ops\"").contains("\"nameServer\"");
            assertThat(get(base + "/actuator/metrics").body()).contains("rocketmq.store.disk.used.ratio")
                .contains("rocketmq.put.latency");

            sendAndConsume(namesrv, "OpsTopic", 20);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                String prometheus = get(base + "/actuator/prometheus").body();
                assertThat(value(prometheus, "rocketmq_messages_put_total{topic=\"OpsTopic\"}")).isEqualTo(20);
                assertThat(value(prometheus, "rocketmq_messages_got_total{topic=\"OpsTopic\"}")).isEqualTo(20);
                assertThat(value(prometheus, "rocketmq_messages_put_bytes_total{topic=\"OpsTopic\"}")).isPositive();
                assertThat(value(prometheus, "rocketmq_put_latency_seconds_count")).isGreaterThanOrEqualTo(20);
                assertThat(value(prometheus, "rocketmq_store_commitlog_size_bytes")).isPositive();
                assertThat(value(prometheus, "rocketmq_store_consumequeue_count")).isPositive();
                assertThat(value(prometheus, "rocketmq_store_consumequeue_size_bytes")).isPositive();
                assertThat(value(prometheus, "rocketmq_store_disk_used_ratio")).isBetween(0.0, 1.0);
                assertThat(prometheus).contains("rocketmq_connections").contains("rocketmq_longpolling_parked")
                    .contains("rocketmq_consumer_lag{group=\"ops-consumer\",topic=\"OpsTopic\"}");
            });
        }
    }

    private static void sendAndConsume(String namesrv, String topic, int count) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("ops-producer");
        producer.setNamesrvAddr(namesrv);
        producer.setInstanceName("ops-" + System.nanoTime());
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("ops-consumer");
        consumer.setNamesrvAddr(namesrv);
        consumer.setInstanceName("ops-" + System.nanoTime());
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setAutoCommit(true);
        try {
            producer.start();
            for (int i = 0; i < count; i++) {
                assertThat(producer.send(new Message(topic, ("m" + i).getBytes(StandardCharsets.UTF_8)))
                    .getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            }
            consumer.subscribe(topic, "*");
            consumer.start();
            AtomicInteger received = new AtomicInteger();
            await().atMost(Duration.ofSeconds(30)).until(() -> received.addAndGet(consumer.poll(500).size()) >= count);
            consumer.commitSync();
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }

    static HttpResponse<String> get(String url) throws Exception {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            // Seen twice in full CI runs (never alone), on /actuator/metrics: leave the server's threads in the
            // test output so that the next occurrence shows where the request waited.
            System.err.println("no answer from " + url + " within 30 s; threads of this JVM:");
            Thread.getAllStackTraces().forEach((thread, stack) -> {
                System.err.println("\"" + thread.getName() + "\" " + thread.getState());
                for (StackTraceElement frame : stack) {
                    System.err.println("    at " + frame);
                }
            });
            throw e;
        }
    }

    /** @return the value of the Prometheus sample whose name and labels start the line, or -1 */
    static double value(String prometheus, String sample) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(sample) + " (\\S+)$").matcher(prometheus);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
