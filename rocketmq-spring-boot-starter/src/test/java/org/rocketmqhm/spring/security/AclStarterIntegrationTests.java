package org.rocketmqhm.spring.security;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.client.producer.SendStatus;
import org.rocketmqhm.core.testsupport.ApacheRocketMQ;
import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.spring.core.RocketMQListener;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * rocketmq.producer/consumer access and secret keys against Apache's 4.9.7 broker with {@code aclEnable=true}:
 * the template and a listener sign their requests; a template with a wrong secret is refused.
 */
class AclStarterIntegrationTests {

    @TempDir
    static Path dir;
    static ApacheRocketMQ broker;
    static final BlockingQueue<String> RECEIVED = new LinkedBlockingQueue<>();

    @BeforeAll
    static void start() throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/plain_acl.yml"), """
            accounts:
              - accessKey: starterUser
                secretKey: starterSecret
                admin: false
                defaultTopicPerm: PUB|SUB
                defaultGroupPerm: PUB|SUB
            """);
        String previous = System.getProperty("rocketmq.home.dir");
        System.setProperty("rocketmq.home.dir", home.toString());
        try {
            broker = ApacheRocketMQ.start(dir.resolve("store"), config -> config.setAclEnable(true));
        } finally {
            if (previous == null) {
                System.clearProperty("rocketmq.home.dir");
            } else {
                System.setProperty("rocketmq.home.dir", previous);
            }
        }
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @RocketMQMessageListener(topic = "acl-starter", consumerGroup = "acl-starter-listener")
    static class Listener implements RocketMQListener<String> {
        public void onMessage(String message) {
            RECEIVED.add(message);
        }
    }

    private ApplicationContextRunner runner(String secret) {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class))
            .withPropertyValues("rocketmq.name-server=" + broker.nameServerAddress(),
                "rocketmq.producer.group=acl-starter-app", "rocketmq.producer.access-key=starterUser",
                "rocketmq.producer.secret-key=" + secret, "rocketmq.producer.retry-times-when-send-failed=0",
                "rocketmq.consumer.access-key=starterUser", "rocketmq.consumer.secret-key=starterSecret");
    }

    @Test
    void signedTemplateAndListenerWorkAndAWrongSecretIsRefused() {
        runner("starterSecret").withBean(Listener.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
            assertThat(template.syncSend("acl-starter", "signed").status()).isEqualTo(SendStatus.SEND_OK);
            assertThat(RECEIVED.poll(30, TimeUnit.SECONDS)).isEqualTo("signed");
        });
        runner("wrongSecret").withPropertyValues("rocketmq.producer.instance-name=acl-wrong").run(ctx -> {
            RocketMQTemplate template = ctx.getBean(RocketMQTemplate.class);
            assertThatThrownBy(() -> template.syncSend("acl-starter", "refused"))
                .hasStackTraceContaining("Check signature failed");
        });
    }
}
