package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.exception.MQBrokerException;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.header.SendMessageRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.netty.NettyClientConfig;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Refusals of bad requests; each is followed by a good send proving the broker still serves. */
class BrokerBadInputTests {

    @TempDir
    static Path dir;
    static BrokerFixture fixture;
    static DefaultMQProducer producer;
    static NettyRemotingClient raw;

    @BeforeAll
    static void start() throws Exception {
        fixture = new BrokerFixture(dir, c -> c.setAutoCreateTopicEnable(false), s -> s.setMaxMessageSize(64 * 1024));
        producer = new DefaultMQProducer("pg-bad");
        producer.setNamesrvAddr(fixture.namesrvAddr());
        producer.setInstanceName("bad-" + System.nanoTime());
        producer.setRetryTimesWhenSendFailed(0);
        producer.setSendMsgTimeout(10000);
        producer.start();
        producer.createTopic("TBW102", "Good", 4);
        raw = new NettyRemotingClient(new NettyClientConfig());
    }

    @AfterAll
    static void stop() {
        raw.shutdown();
        producer.shutdown();
        fixture.close();
    }

    private static void assertStillServes() throws Exception {
        SendResult result = producer.send(new Message("Good", "ok".getBytes(StandardCharsets.UTF_8)));
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
    }

    private static RemotingCommand rawSend(String topic, byte[] body) throws Exception {
        RemotingCommand request = RemotingCommand.request(10, new SendMessageRequestHeader("pg-raw", topic, "TBW102",
            4, 0, 0, System.currentTimeMillis(), 0, "", 0, false, false, null, null));
        request.setBody(body);
        return raw.invokeSync(fixture.broker.address(), request, 5000);
    }

    @Test
    void invalidTopicNamesAreRefusedWithTheValidationRemark() throws Exception {
        RemotingCommand response = rawSend("bad topic!", new byte[] {1});
        assertThat(response.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.getRemark()).contains("illegal characters");
        assertThat(response.getExtFields()).containsEntry("MSG_REGION", "DefaultRegion").containsEntry("TRACE_ON",
            "true");
        RemotingCommand tooLong = rawSend("T".repeat(128), new byte[] {1});
        assertThat(tooLong.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        RemotingCommand forbidden = rawSend("SCHEDULE_TOPIC_XXXX", new byte[] {1});
        assertThat(forbidden.getCode()).isEqualTo(ResponseCode.NO_PERMISSION);
        assertStillServes();
    }

    @Test
    void bodyOverMaxMessageSizeIsMessageIllegal() throws Exception {
        byte[] body = new byte[100 * 1024];
        new Random(1).nextBytes(body);
        assertThatThrownBy(() -> producer.send(new Message("Good", body)))
            .isInstanceOfSatisfying(MQBrokerException.class,
                e -> assertThat(e.getResponseCode()).isEqualTo(ResponseCode.MESSAGE_ILLEGAL));
        assertStillServes();
    }

    @Test
    void missingTopicWithAutoCreateOffIsTopicNotExist() throws Exception {
        RemotingCommand response = rawSend("NoSuchTopic", new byte[] {1});
        assertThat(response.getCode()).isEqualTo(ResponseCode.TOPIC_NOT_EXIST);
        assertThat(response.getRemark()).isEqualTo("topic[NoSuchTopic] not exist, apply first please!");
        assertThatThrownBy(() -> producer.send(new Message("NoSuchTopic", new byte[] {1})))
            .isInstanceOf(MQClientException.class);
        assertStillServes();
    }

    @Test
    void missingHeaderFieldIsNamedInTheRemark() throws Exception {
        RemotingCommand request = RemotingCommand.request(10);
        request.setExtFields(new java.util.HashMap<>(Map.of("producerGroup", "pg", "topic", "Good")));
        request.setBody(new byte[] {1});
        RemotingCommand response = raw.invokeSync(fixture.broker.address(), request, 5000);
        assertThat(response.getCode()).isEqualTo(ResponseCode.SYSTEM_ERROR);
        assertThat(response.getRemark()).contains("defaultTopic");
        assertStillServes();
    }

    @Test
    void unknownRequestCodeIsNotSupported() throws Exception {
        RemotingCommand response = raw.invokeSync(fixture.broker.address(), RemotingCommand.request(9999), 5000);
        assertThat(response.getCode()).isEqualTo(ResponseCode.REQUEST_CODE_NOT_SUPPORTED);
        assertStillServes();
    }

    @Test
    void malformedFrameClosesOnlyThatConnection() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", fixture.broker.listenPort())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            // total length 8, header length 100 (> frame): malformed
            out.write(new byte[] {0, 0, 0, 8, 0, 0, 0, 100, 1, 2, 3, 4});
            out.flush();
            InputStream in = socket.getInputStream();
            assertThat(in.read()).isEqualTo(-1);
        }
        assertStillServes();
    }

    @Test
    void viewMessageByOffsetIdReturnsTheBody() throws Exception {
        SendResult result = producer.send(new Message("Good", "TagV", "view-me".getBytes(StandardCharsets.UTF_8)));
        MessageExt viewed = producer.viewMessage(result.getOffsetMsgId());
        assertThat(new String(viewed.getBody(), StandardCharsets.UTF_8)).isEqualTo("view-me");
        assertThat(viewed.getTags()).isEqualTo("TagV");
        assertThat(viewed.getProperty("CLUSTER")).isEqualTo("DefaultCluster");
        assertThat(viewed.getProperty("WAIT")).isNull();
        // Stored like an Apache broker with a send-message hook: the consume trace of Apache's 5.x client needs them.
        assertThat(viewed.getProperty("MSG_REGION")).isEqualTo("DefaultRegion");
        assertThat(viewed.getProperty("TRACE_ON")).isEqualTo("true");
    }
}
