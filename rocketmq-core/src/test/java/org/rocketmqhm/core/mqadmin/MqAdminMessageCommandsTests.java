package org.rocketmqhm.core.mqadmin;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.command.broker.SendMsgStatusCommand;
import org.apache.rocketmq.tools.command.message.CheckMsgSendRTCommand;
import org.apache.rocketmq.tools.command.message.ConsumeMessageCommand;
import org.apache.rocketmq.tools.command.message.DecodeMessageIdCommond;
import org.apache.rocketmq.tools.command.message.PrintMessageByQueueCommand;
import org.apache.rocketmq.tools.command.message.PrintMessageSubCommand;
import org.apache.rocketmq.tools.command.message.QueryMsgByIdSubCommand;
import org.apache.rocketmq.tools.command.message.QueryMsgByKeySubCommand;
import org.apache.rocketmq.tools.command.message.QueryMsgByOffsetSubCommand;
import org.apache.rocketmq.tools.command.message.QueryMsgByUniqueKeySubCommand;
import org.apache.rocketmq.tools.command.message.QueryMsgTraceByIdSubCommand;
import org.apache.rocketmq.tools.command.message.SendMessageCommand;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Apache 4.9.7 {@code mqadmin} message subcommands (query, print, send, consume) against our platform. */
class MqAdminMessageCommandsTests extends MqAdminTestBase {

    @Test
    void queryMsgByIdPrintsTheStoredMessage() {
        SendResult first = mq.sent.get(0);
        String out = mq.run(new QueryMsgByIdSubCommand(), "-i", first.getOffsetMsgId());
        assertThat(out).contains("OffsetID:", first.getOffsetMsgId(), "Topic:", MqAdmin.TOPIC, "Tags:", "[TagA]",
            "Keys:", "[key-0]", "Queue ID:", "Store Host:", "Message Body Path:");
        assertThat(out).contains("MessageTrack [consumerGroup=" + MqAdmin.GROUP + ", trackType=CONSUMED");
    }

    @Test
    void queryMsgByIdCanResendTheMessageDirectlyToAConsumer() throws Exception {
        SendResult first = mq.sent.get(0);
        String clientId = mq.consumer.getDefaultMQPushConsumerImpl().getmQClientFactory().getClientId();
        String out = mq.run(new QueryMsgByIdSubCommand(), "-i", first.getOffsetMsgId(), "-g", MqAdmin.GROUP,
            "-d", clientId);
        assertThat(out).contains("CR_SUCCESS");
    }

    @Test
    void queryMsgByKeyListsTheMatches() {
        String out = mq.run(new QueryMsgByKeySubCommand(), "-t", MqAdmin.TOPIC, "-k", "key-3");
        assertThat(out).contains("#Message ID", "#QID", "#Offset").contains(mq.sent.get(3).getMsgId());
    }

    @Test
    void queryMsgByUniqueKeyPrintsTheMessage() {
        SendResult third = mq.sent.get(2);
        String out = mq.run(new QueryMsgByUniqueKeySubCommand(), "-t", MqAdmin.TOPIC, "-i", third.getMsgId());
        assertThat(out).contains(third.getMsgId(), "[key-2]", "[TagA]");
        String all = mq.run(new QueryMsgByUniqueKeySubCommand(), "-t", MqAdmin.TOPIC, "-i", third.getMsgId(), "-a");
        assertThat(all).contains(third.getMsgId());
    }

    @Test
    void queryMsgByOffsetPrintsTheMessageAtThatQueueOffset() {
        SendResult first = mq.sent.get(0);
        String out = mq.run(new QueryMsgByOffsetSubCommand(), "-t", MqAdmin.TOPIC, "-b", "broker-a",
            "-i", String.valueOf(first.getMessageQueue().getQueueId()), "-o", String.valueOf(first.getQueueOffset()));
        assertThat(out).contains(first.getMsgId(), "Topic:", MqAdmin.TOPIC);
    }

    @Test
    void printMsgPrintsEveryMessageOfTheTopic() {
        String out = mq.run(new PrintMessageSubCommand(), "-t", MqAdmin.TOPIC, "-d", "true");
        for (SendResult sent : mq.sent) {
            assertThat(out).contains(sent.getMsgId());
        }
        assertThat(out).contains("body-0", "body-7");
    }

    @Test
    void printMsgByQueueCountsTagsAndPrints() {
        int queueId = mq.sent.get(0).getMessageQueue().getQueueId();
        String out = mq.run(new PrintMessageByQueueCommand(), "-t", MqAdmin.TOPIC, "-a", "broker-a",
            "-i", String.valueOf(queueId), "-p", "true", "-d", "true", "-f", "true");
        assertThat(out).contains(mq.sent.get(0).getMsgId(), "TagA");
    }

    @Test
    void sendMsgStatusSendsProbesToTheBroker() {
        String out = mq.run(new SendMsgStatusCommand(), "-b", "broker-a", "-s", "64", "-c", "3");
        assertThat(out.lines().filter(l -> l.contains("SEND_OK"))).hasSize(3);
    }

    @Test
    void sendMessageThenConsumeMessage() {
        String toQueue = mq.run(new SendMessageCommand(), "-t", "MqAdminSent", "-p", "to-queue-1",
            "-b", "broker-a", "-i", "1");
        assertThat(toQueue).contains("#Broker Name", "#QID", "#Send Result", "#MsgId", "broker-a", "SEND_OK");
        String out = mq.run(new SendMessageCommand(), "-t", "MqAdminSent", "-p", "hello-mqadmin", "-k", "k1",
            "-c", "TagZ");
        assertThat(out).contains("broker-a", "SEND_OK");

        String consumed = mq.run(new ConsumeMessageCommand(), "-t", "MqAdminSent");
        assertThat(consumed).contains("hello-mqadmin").contains("to-queue-1");
        String fromQueue = mq.run(new ConsumeMessageCommand(), "-t", "MqAdminSent", "-b", "broker-a", "-i", "1",
            "-o", "0", "-c", "1");
        assertThat(fromQueue).contains("to-queue-1");
    }

    /**
     * sendMessage -m only shows SEND_OK: the command shuts its producer down right after the send, usually before
     * the asynchronous trace is out, so the trace is published by a long-lived traced producer instead.
     */
    @Test
    void sendMessageWithTraceFlagAndQueryMsgTraceById() throws Exception {
        assertThat(mq.run(new SendMessageCommand(), "-t", "MqAdminTraced", "-p", "traced", "-m", "true"))
            .contains("SEND_OK");
        DefaultMQProducer traced = new DefaultMQProducer("pg-traced", true);
        traced.setNamesrvAddr(mq.namesrv());
        traced.setInstanceName("mqadmin-traced-" + System.nanoTime());
        traced.start();
        try {
            SendResult result = traced.send(new Message("MqAdminTraced", "TagT", "trace-key",
                "traced".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(mq.attempt(new QueryMsgTraceByIdSubCommand(), "-i", result.getMsgId()).output())
                    .contains("#Type", "#ProducerGroup", "#Status", "Pub", "pg-traced", "success"));
        } finally {
            traced.shutdown();
        }
    }

    @Test
    void checkMsgSendRtReportsEachSend() {
        String out = mq.run(new CheckMsgSendRTCommand(), "-t", MqAdmin.TOPIC, "-a", "3", "-s", "32");
        assertThat(out).contains("#Broker Name", "#RT", "broker-a", "Avg RT:");
    }

    @Test
    void decodeMessageIdShowsTheStoreAddress() {
        String out = mq.run(new DecodeMessageIdCommond(), "-i", mq.sent.get(0).getOffsetMsgId());
        assertThat(out).contains("127.0.0.1");
    }
}
