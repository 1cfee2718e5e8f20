package org.rocketmqhm.core.acl;

import org.apache.rocketmq.acl.common.AclClientRPCHook;
import org.apache.rocketmq.acl.common.SessionCredentials;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.AclConfig;
import org.apache.rocketmq.common.PlainAccessConfig;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.protocol.body.ClusterAclVersionInfo;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.client.ClientException;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Our broker with {@code aclEnable=true} against Apache 4.9.7 clients signing with {@code AclClientRPCHook} and
 * our own client's hook: the same outcomes an Apache broker gives (protocol §7.2).
 */
class BrokerAclIntegrationTests {

    private static final String ACL = """
        accounts:
          - accessKey: appUser1
            secretKey: appSecret1
            admin: false
            defaultTopicPerm: PUB|SUB
            defaultGroupPerm: SUB
            topicPerms:
              - deniedTopic=DENY
          - accessKey: adminUser
            secretKey: adminSecret1
            admin: true
          - accessKey: whiteUser
            secretKey: whiteSecret1
            whiteRemoteAddress: 127.0.0.1
            defaultTopicPerm: DENY
        """;

    private static final AtomicInteger INSTANCE = new AtomicInteger();

    @TempDir
    static Path dir;
    private static OurRocketMQ broker;
    private static Path aclFile;

    @BeforeAll
    static void start() throws Exception {
        aclFile = dir.resolve("home/conf/plain_acl.yml");
        Files.createDirectories(aclFile.getParent());
        Files.writeString(aclFile, ACL);
        broker = OurRocketMQ.start(dir.resolve("broker"), n -> { }, b -> {
            b.setAclEnable(true);
            b.setRocketmqHome(dir.resolve("home").toString());
        });
    }

    @AfterAll
    static void stop() {
        if (broker != null) {
            broker.close();
        }
    }

    private static DefaultMQProducer apacheProducer(String accessKey, String secretKey) throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("acl-pg-" + INSTANCE.incrementAndGet(),
            new AclClientRPCHook(new SessionCredentials(accessKey, secretKey)));
        producer.setNamesrvAddr(broker.nameServerAddress());
        producer.setInstanceName("acl-" + INSTANCE.get());
        producer.setRetryTimesWhenSendFailed(0);
        producer.start();
        return producer;
    }

    private static DefaultMQAdminExt admin(String accessKey, String secretKey) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(new AclClientRPCHook(new SessionCredentials(accessKey,
            secretKey)), 5000);
        admin.setNamesrvAddr(broker.nameServerAddress());
        admin.setInstanceName("acl-admin-" + INSTANCE.incrementAndGet());
        admin.start();
        return admin;
    }

    /** Apache's producer wraps the broker's SYSTEM_ERROR (1) answer once its retries are used up. */
    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String remark) {
        assertThatThrownBy(call).satisfies(e -> {
            Throwable t = e;
            while (t != null && !(t instanceof MQBrokerException)) {
                t = t.getCause();
            }
            assertThat(t).as("broker refusal in %s", e).isInstanceOf(MQBrokerException.class);
            assertThat(((MQBrokerException) t).getResponseCode()).isEqualTo(1);
            assertThat(((MQBrokerException) t).getErrorMessage()).contains(remark);
        });
    }

    private static Message message(String topic, String body) {
        return new Message(topic, body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void apacheClientsWithCorrectCredentialsSendAndConsume() throws Exception {
        DefaultMQProducer producer = apacheProducer("appUser1", "appSecret1");
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("acl-cg",
            new AclClientRPCHook(new SessionCredentials("appUser1", "appSecret1")),
            new org.apache.rocketmq.client.consumer.rebalance.AllocateMessageQueueAveragely());
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName("acl-consumer");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("AclOkTopic", "*");
        List<String> received = new CopyOnWriteArrayList<>();
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        try {
            assertThat(producer.send(message("AclOkTopic", "signed")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            consumer.start();
            await().atMost(Duration.ofSeconds(20)).until(() -> received.contains("signed"));
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }

    @Test
    void wrongSecretAndDeniedTopicAreRefusedAndTheConnectionStaysUsable() throws Exception {
        DefaultMQProducer intruder = apacheProducer("appUser1", "not-the-secret");
        DefaultMQProducer producer = apacheProducer("appUser1", "appSecret1");
        DefaultMQProducer stranger = apacheProducer("nobodyUser", "nobodySecret");
        try {
            assertRefused(() -> intruder.send(message("AclOkTopic", "x")),
                "Check signature failed for accessKey=appUser1");
            assertRefused(() -> producer.send(message("deniedTopic", "x")),
                "No default permission for topic:deniedTopic");
            assertRefused(() -> stranger.send(message("AclOkTopic", "x")), "No acl config for nobodyUser");
            // same producer, same connection: still served after the refusal
            assertThat(producer.send(message("AclOkTopic", "after")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        } finally {
            intruder.shutdown();
            producer.shutdown();
            stranger.shutdown();
        }
    }

    @Test
    void ourClientSignsAcceptablyAndAWrongSecretIsRefused() throws Exception {
        Producer producer = new Producer("acl-our-pg");
        producer.setNamesrvAddr(broker.nameServerAddress());
        producer.setInstanceName("acl-our-ok");
        producer.setAccessKey("appUser1");
        producer.setSecretKey("appSecret1");
        Producer intruder = new Producer("acl-our-bad");
        intruder.setNamesrvAddr(broker.nameServerAddress());
        intruder.setInstanceName("acl-our-bad");
        intruder.setAccessKey("appUser1");
        intruder.setSecretKey("wrongSecret");
        intruder.setRetryTimesWhenSendFailed(0);
        producer.start();
        intruder.start();
        try {
            assertThat(producer.send(new org.rocketmqhm.core.common.message.Message("AclOurTopic",
                "ours".getBytes(StandardCharsets.UTF_8))).status())
                .isEqualTo(org.rocketmqhm.core.client.producer.SendStatus.SEND_OK);
            assertThatThrownBy(() -> intruder.send(new org.rocketmqhm.core.common.message.Message("AclOurTopic",
                "x".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(ClientException.class)
                .hasMessageContaining("Check signature failed")
                .satisfies(e -> assertThat(((ClientException) e).responseCode()).isEqualTo(1));
        } finally {
            intruder.shutdown();
            producer.shutdown();
        }
    }

    @Test
    void aWhiteAddressSkipsSignatureAndPermissionChecks() throws Exception {
        DefaultMQProducer producer = apacheProducer("whiteUser", "anything-goes");
        try {
            assertThat(producer.send(message("AclWhiteTopic", "w")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void adminOnlyCodesNeedAnAdminAccount() throws Exception {
        DefaultMQAdminExt user = admin("appUser1", "appSecret1");
        DefaultMQAdminExt root = admin("adminUser", "adminSecret1");
        try {
            TopicConfig topic = new TopicConfig("AclAdminTopic", 4, 4, 6);
            assertThatThrownBy(() -> user.createAndUpdateTopicConfig(broker.brokerAddress(), topic))
                .hasMessageContaining("Need admin permission for request code=17, but accessKey=appUser1 is not");
            root.createAndUpdateTopicConfig(broker.brokerAddress(), topic);
            assertThat(root.examineTopicConfig(broker.brokerAddress(), "AclAdminTopic")).isNotNull();
        } finally {
            user.shutdown();
            root.shutdown();
        }
    }

    @Test
    void aclAdminRequestsRoundTripThroughTheFile() throws Exception {
        DefaultMQAdminExt root = admin("adminUser", "adminSecret1");
        String addr = broker.brokerAddress();
        try {
            long before = root.examineBrokerClusterAclVersionInfo(addr).getAclConfigDataVersion().getCounter().get();
            PlainAccessConfig account = new PlainAccessConfig();
            account.setAccessKey("roundTrip1");
            account.setSecretKey("roundTripSecret");
            account.setDefaultTopicPerm("DENY");
            account.setDefaultGroupPerm("SUB");
            account.setTopicPerms(List.of("rtTopic=PUB|SUB"));
            root.createAndUpdatePlainAccessConfig(addr, account);

            AclConfig config = root.examineBrokerClusterAclConfig(addr);
            assertThat(config.getPlainAccessConfigs()).anySatisfy(c -> {
                assertThat(c.getAccessKey()).isEqualTo("roundTrip1");
                assertThat(c.getTopicPerms()).containsExactly("rtTopic=PUB|SUB");
            });
            ClusterAclVersionInfo info = root.examineBrokerClusterAclVersionInfo(addr);
            assertThat(info.getAclConfigDataVersion().getCounter().get()).isEqualTo(before + 1);
            assertThat(info.getBrokerName()).isEqualTo("broker-a");
            assertThat(info.getAllAclConfigDataVersion()).hasSize(1);
            assertThat(Files.readString(aclFile)).contains("roundTrip1");

            DefaultMQProducer producer = apacheProducer("roundTrip1", "roundTripSecret");
            try {
                assertThat(producer.send(message("rtTopic", "rt")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                assertRefused(() -> producer.send(message("otherTopic", "x")),
                    "No default permission for topic:otherTopic");

                root.updateGlobalWhiteAddrConfig(addr, "10.9.8.*,192.168.1.1");
                assertThat(root.examineBrokerClusterAclConfig(addr).getGlobalWhiteAddrs())
                    .containsExactly("10.9.8.*", "192.168.1.1");

                root.deletePlainAccessConfig(addr, "roundTrip1");
                assertThat(root.examineBrokerClusterAclConfig(addr).getPlainAccessConfigs())
                    .noneSatisfy(c -> assertThat(c.getAccessKey()).isEqualTo("roundTrip1"));
                assertRefused(() -> producer.send(message("rtTopic", "x")), "No acl config for roundTrip1");
            } finally {
                producer.shutdown();
            }
            assertThatThrownBy(() -> root.deletePlainAccessConfig(addr, "roundTrip1"))
                .hasMessageContaining("210");
            PlainAccessConfig invalid = new PlainAccessConfig();
            invalid.setAccessKey("shortKeyOk");
            invalid.setSecretKey("short");
            assertThatThrownBy(() -> root.createAndUpdatePlainAccessConfig(addr, invalid))
                .hasMessageContaining("209");
        } finally {
            root.shutdown();
        }
    }

    @Test
    void editsOfThePlainAclFileAreReloaded() throws Exception {
        DefaultMQProducer producer = apacheProducer("hotReload1", "hotSecret12");
        try {
            assertRefused(() -> producer.send(message("AclHotTopic", "x")), "No acl config for hotReload1");
            Files.writeString(aclFile, ACL + """
                  - accessKey: hotReload1
                    secretKey: hotSecret12
                    defaultTopicPerm: PUB
                """);
            await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> producer.send(message("AclHotTopic", "hot")).getSendStatus() == SendStatus.SEND_OK);
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void unsignedRequestsAreRefusedOnTheMainAndVipPorts() throws Exception {
        org.rocketmqhm.core.remoting.netty.NettyRemotingClient client =
            new org.rocketmqhm.core.remoting.netty.NettyRemotingClient(
                new org.rocketmqhm.core.remoting.netty.NettyClientConfig());
        try {
            String main = broker.brokerAddress();
            int port = Integer.parseInt(main.substring(main.lastIndexOf(':') + 1));
            for (String address : List.of(main, "127.0.0.1:" + (port - 2))) {
                org.rocketmqhm.core.remoting.RemotingCommand response = client.invokeSync(address,
                    org.rocketmqhm.core.remoting.RemotingCommand.request(
                        org.rocketmqhm.core.protocol.RequestCode.GET_ALL_TOPIC_CONFIG), 5000);
                assertThat(response.getCode()).as(address).isEqualTo(1);
                assertThat(response.getRemark()).as(address).contains("No accessKey is configured");
            }
        } finally {
            client.shutdown();
        }
    }

    @Test
    void withAclDisabledSignaturesAreIgnored(@TempDir Path other) throws Exception {
        try (OurRocketMQ plain = OurRocketMQ.start(other)) {
            DefaultMQProducer producer = new DefaultMQProducer("acl-off-pg",
                new AclClientRPCHook(new SessionCredentials("nobodyUser", "wrong-secret")));
            producer.setNamesrvAddr(plain.nameServerAddress());
            producer.setInstanceName("acl-off");
            producer.start();
            try {
                assertThat(producer.send(message("AclOffTopic", "x")).getSendStatus()).isEqualTo(SendStatus.SEND_OK);
            } finally {
                producer.shutdown();
            }
        }
    }
}
