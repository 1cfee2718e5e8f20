package org.rocketmqhm.core.acl;

import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.PlainAccessConfig;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.testsupport.ApacheRocketMQ;
import org.rocketmqhm.core.testsupport.BrokerFixture;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same ACL scenarios against Apache's 4.9.7 broker (the oracle) and ours, both with {@code aclEnable=true} and
 * the same {@code plain_acl.yml}: every outcome (response code and the reason in the remark) must match.
 */
class AclParityTests {

    private static final String ACL = """
        accounts:
          - accessKey: appUser1
            secretKey: appSecret1
            admin: false
            defaultTopicPerm: PUB|SUB
            defaultGroupPerm: SUB
            topicPerms:
              - deniedTopic=DENY
          - accessKey: whiteUser
            secretKey: whiteSecret1
            whiteRemoteAddress: 127.0.0.1
            defaultTopicPerm: DENY
        """;

    private static final AtomicInteger INSTANCE = new AtomicInteger();

    @Test
    void ourBrokerAnswersAclScenariosLikeApaches(@TempDir Path dir) throws Exception {
        Map<String, String> apache;
        Path apacheHome = home(dir.resolve("apache-home"));
        String previous = System.getProperty("rocketmq.home.dir");
        System.setProperty("rocketmq.home.dir", apacheHome.toString());
        ApacheRocketMQ apacheBroker;
        try {
            apacheBroker = ApacheRocketMQ.start(dir.resolve("apache"), c -> c.setAclEnable(true));
        } finally {
            if (previous == null) {
                System.clearProperty("rocketmq.home.dir");
            } else {
                System.setProperty("rocketmq.home.dir", previous);
            }
        }
        try (apacheBroker) {
            apache = scenarios(apacheBroker);
        }
        Path ourHome = home(dir.resolve("our-home"));
        Map<String, String> ours;
        try (OurRocketMQ ourBroker = OurRocketMQ.start(dir.resolve("ours"), n -> { }, b -> {
            b.setAclEnable(true);
            b.setRocketmqHome(ourHome.toString());
        })) {
            ours = scenarios(ourBroker);
        }
        // the oracle really refused and accepted (the scenarios are not vacuous)
        assertThat(apache).containsEntry("send ok", "OK")
            .containsEntry("wrong secret", "1 Check signature failed for accessKey=appUser1")
            .containsEntry("denied topic", "1 No default permission for topic:deniedTopic")
            .containsEntry("non-admin creates account", "OK")
            .containsEntry("delete unknown account",
                "210 The accesskey[parityUser] corresponding to accessConfig has been deleted failed.");
        assertThat(ours).isEqualTo(apache);
    }

    private static Path home(Path home) throws Exception {
        Files.createDirectories(home.resolve("conf"));
        Files.writeString(home.resolve("conf/plain_acl.yml"), ACL);
        return home;
    }

    /** @return scenario name to outcome ("OK", or the response code and the reason without exception class names) */
    private static Map<String, String> scenarios(BrokerFixture broker) throws Exception {
        Map<String, String> outcomes = new LinkedHashMap<>();
        outcomes.put("send ok", send(broker, "appUser1", "appSecret1", "ParityTopic"));
        outcomes.put("wrong secret", send(broker, "appUser1", "wrongSecret", "ParityTopic"));
        outcomes.put("unknown key", send(broker, "nobodyUser", "nobodySecret", "ParityTopic"));
        outcomes.put("denied topic", send(broker, "appUser1", "appSecret1", "deniedTopic"));
        outcomes.put("white address", send(broker, "whiteUser", "anySecret", "ParityTopic"));
        DefaultMQAdminExt admin = new DefaultMQAdminExt(new AclClientRPCHook(new SessionCredentials("appUser1",
            "appSecret1")), 5000);
        admin.setNamesrvAddr(broker.nameServerAddress());
        admin.setInstanceName("parity-admin-" + INSTANCE.incrementAndGet());
        admin.start();
        try {
            outcomes.put("non-admin create topic", outcome(() -> admin.createAndUpdateTopicConfig(
                broker.brokerAddress(), new TopicConfig("ParityAdminTopic", 4, 4, 6))));
            PlainAccessConfig account = new PlainAccessConfig();
            account.setAccessKey("parityUser");
            account.setSecretKey("paritySecret");
            account.setDefaultTopicPerm("PUB");
            outcomes.put("non-admin creates account", outcome(() -> admin.createAndUpdatePlainAccessConfig(
                broker.brokerAddress(), account)));
            outcomes.put("new account sends", send(broker, "parityUser", "paritySecret", "ParityTopic"));
            PlainAccessConfig invalid = new PlainAccessConfig();
            invalid.setAccessKey("parityUser2");
            invalid.setSecretKey("short");
            outcomes.put("invalid account", outcome(() -> admin.createAndUpdatePlainAccessConfig(
                broker.brokerAddress(), invalid)));
            outcomes.put("delete account", outcome(() -> admin.deletePlainAccessConfig(broker.brokerAddress(),
                "parityUser")));
            outcomes.put("delete unknown account", outcome(() -> admin.deletePlainAccessConfig(
                broker.brokerAddress(), "parityUser")));
            outcomes.put("global white addresses", outcome(() -> admin.updateGlobalWhiteAddrConfig(
                broker.brokerAddress(), "10.9.8.*")));
            outcomes.put("read config", outcome(() -> assertThat(admin.examineBrokerClusterAclConfig(
                broker.brokerAddress()).getGlobalWhiteAddrs()).containsExactly("10.9.8.*")));
        } finally {
            admin.shutdown();
        }
        return outcomes;
    }

    private static String send(BrokerFixture broker, String accessKey, String secretKey, String topic)
        throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("parity-pg-" + INSTANCE.incrementAndGet(),
            new AclClientRPCHook(new SessionCredentials(accessKey, secretKey)));
        producer.setNamesrvAddr(broker.nameServerAddress());
        producer.setInstanceName("parity-" + INSTANCE.get());
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        try {
            return outcome(() -> assertThat(producer.send(new Message(topic, "p".getBytes(StandardCharsets.UTF_8)))
                .getSendStatus()).isEqualTo(SendStatus.SEND_OK));
        } finally {
            producer.shutdown();
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private static String outcome(Action action) {
        try {
            action.run();
            return "OK";
        } catch (Exception e) {
            Throwable t = e;
            while (t.getCause() != null && !(t instanceof MQBrokerException)) {
                t = t.getCause();
            }
            if (t instanceof MQBrokerException broker) {
                return broker.getResponseCode() + " " + reason(broker.getErrorMessage());
            }
            if (e instanceof org.apache.rocketmq.client.exception.MQClientException client) {
                return client.getResponseCode() + " " + reason(client.getErrorMessage());
            }
            return e.toString();
        }
    }

    /** The reason without the exception class prefix and Apache's trailing stack frame. */
    private static String reason(String remark) {
        if (remark == null) {
            return "null";
        }
        String text = remark;
        int colon = text.indexOf("AclException: ");
        if (colon >= 0) {
            text = text.substring(colon + "AclException: ".length());
        }
        int frame = text.indexOf(", org.apache");
        return frame >= 0 ? text.substring(0, frame) : text;
    }
}
