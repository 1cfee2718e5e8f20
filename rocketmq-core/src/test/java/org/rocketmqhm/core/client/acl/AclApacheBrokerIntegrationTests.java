package org.rocketmqhm.core.client.acl;

import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.client.ClientException;
import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.client.producer.SendStatus;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.testsupport.ApacheRocketMQ;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * ACL 1.0 signing against Apache's 4.9.7 broker with {@code aclEnable=true} (the verifier), and signed Apache
 * requests against our broker (which does not enforce ACL and must ignore the extra ext fields).
 */
class AclApacheBrokerIntegrationTests {

    private static final String ACCESS_KEY = "hmAclUser";
    private static final String SECRET_KEY = "hmAclSecret1";

    @Test
    void ourClientsWithCredentialsSendAndConsumeAndAWrongSecretIsRejected(@TempDir Path dir) throws Exception {
        Path home = dir.resolve("home");
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/plain_acl.yml"), """
            accounts:
              - accessKey: %s
                secretKey: %s
                admin: false
                defaultTopicPerm: PUB|SUB
                defaultGroupPerm: PUB|SUB
            """.formatted(ACCESS_KEY, SECRET_KEY));
        String previousHome = System.getProperty("rocketmq.home.dir");
        System.setProperty("rocketmq.home.dir", home.toString());
        ApacheRocketMQ apache;
        try {
            apache = ApacheRocketMQ.start(dir.resolve("store"), config -> config.setAclEnable(true));
        } finally {
            if (previousHome == null) {
                System.clearProperty("rocketmq.home.dir");
            } else {
                System.setProperty("rocketmq.home.dir", previousHome);
            }
        }
        try (apache) {
            String topic = "AclTopic";
            Producer producer = new Producer("acl-pg");
            producer.setNamesrvAddr(apache.nameServerAddress());
            producer.setInstanceName("acl-ok");
            producer.setAccessKey(ACCESS_KEY);
            producer.setSecretKey(SECRET_KEY);
            producer.start();
            List<String> received = new CopyOnWriteArrayList<>();
            PushConsumer consumer = new PushConsumer("acl-cg");
            consumer.setNamesrvAddr(apache.nameServerAddress());
            consumer.setInstanceName("acl-ok");
            consumer.setAccessKey(ACCESS_KEY);
            consumer.setSecretKey(SECRET_KEY);
            consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
            consumer.subscribe(topic, "*");
            consumer.registerMessageListener((MessageListenerConcurrently) (messages, queue) -> {
                messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
            Producer intruder = new Producer("acl-pg-bad");
            intruder.setNamesrvAddr(apache.nameServerAddress());
            intruder.setInstanceName("acl-bad");
            intruder.setAccessKey(ACCESS_KEY);
            intruder.setSecretKey("not-the-secret");
            intruder.setRetryTimesWhenSendFailed(0);
            try {
                assertThat(producer.send(new Message(topic, "signed".getBytes(StandardCharsets.UTF_8))).status())
                    .isEqualTo(SendStatus.SEND_OK);
                consumer.start();
                await().atMost(Duration.ofSeconds(20)).until(() -> received.contains("signed"));

                intruder.start();
                assertThatThrownBy(() -> intruder.send(new Message(topic, "x".getBytes(StandardCharsets.UTF_8))))
                    .isInstanceOf(ClientException.class)
                    .hasMessageContaining("Check signature failed")
                    // Apache 4.9.7 answers an ACL failure as SYSTEM_ERROR with the AclException text (§7.2)
                    .satisfies(e -> assertThat(((ClientException) e).responseCode()).isEqualTo(1));
            } finally {
                intruder.shutdown();
                consumer.shutdown();
                producer.shutdown();
            }
        }
    }

    @Test
    void apacheSignedRequestsWorkAgainstOurBroker(@TempDir Path dir) throws Exception {
        try (OurRocketMQ ours = OurRocketMQ.start(dir)) {
            DefaultMQProducer producer = new DefaultMQProducer("acl-apache-pg",
                new AclClientRPCHook(new SessionCredentials(ACCESS_KEY, SECRET_KEY)));
            producer.setNamesrvAddr(ours.nameServerAddress());
            producer.setInstanceName("acl-apache");
            producer.start();
            try {
                org.apache.rocketmq.client.producer.SendResult result = producer.send(
                    new org.apache.rocketmq.common.message.Message("AclOnOurs", "x".getBytes(StandardCharsets.UTF_8)));
                assertThat(result.getSendStatus())
                    .isEqualTo(org.apache.rocketmq.client.producer.SendStatus.SEND_OK);
            } finally {
                producer.shutdown();
            }
        }
    }
}
