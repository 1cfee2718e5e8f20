package org.rocketmqhm.spring.core;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.client.producer.SendStatus;
import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.core.client.admin.AdminClient;
import org.rocketmqhm.core.testsupport.ApacheRocketMQ;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one end-to-end check against Apache RocketMQ 4.9.7 (core's {@code ApacheRocketMQ} test fixture: name server and broker in-process): the
 * template sends and a {@code @RocketMQMessageListener} on our push consumer receives.
 */
class ApacheBrokerCompatibilityTests {

    @TempDir
    static Path dir;
    static ApacheRocketMQ broker;
    static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        broker = ApacheRocketMQ.start(dir);
        AdminClient admin = new AdminClient();
        admin.setNamesrvAddr(broker.nameServerAddress());
        admin.setInstanceName("apache-compat-admin");
        admin.start();
        try {
            admin.createTopic(broker.clusterName(), "apache-compat", 4);
        } finally {
            admin.shutdown();
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @RocketMQMessageListener(topic = "apache-compat", consumerGroup = "apache-compat-listener")
    static class Listener implements RocketMQListener<String> {
        public void onMessage(String message) {
            RECEIVED.add(message);
        }
    }

    @Test
    void templateSendsAndListenerReceivesThroughApacheBroker() {
        new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class))
            .withBean(Listener.class)
            .withPropertyValues("rocketmq.name-server=" + broker.nameServerAddress(),
                "rocketmq.producer.group=apache-compat-app")
            .run(ctx -> {
                assertThat(ctx).hasNotFailed();
                RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
                assertThat(template.syncSend("apache-compat:t", "through apache").status())
                    .isEqualTo(SendStatus.SEND_OK);
                assertThat(RECEIVED.poll(30, TimeUnit.SECONDS)).isEqualTo("through apache");
            });
    }
}
