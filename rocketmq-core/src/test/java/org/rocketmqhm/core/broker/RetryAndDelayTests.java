package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.consumer.DefaultMQPullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.PullResult;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageConst;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.netty.NettyClientConfig;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Consumer retry (CONSUMER_SEND_MSG_BACK), dead-letter queues and short-table delay delivery across a restart,
 * with Apache's 4.9.7 client. Delay levels are shortened to one or two seconds.
 */
class RetryAndDelayTests {

    static final String SHORT_LEVELS = "1s 2s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s";

    @TempDir
    static Path dir;
    static BrokerFixture fixture;

    @BeforeAll
    static void start() {
        fixture = new BrokerFixture(dir, b -> { }, s -> {
            s.setMessageDelayLevel(SHORT_LEVELS);
            s.setFlushDelayOffsetInterval(500);
        });
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void reconsumeLaterRetriesWithGrowingReconsumeTimesThenLandsInDlq() throws Exception {
        DefaultMQProducer producer = ApacheClients.producer(fixture, "pg-retry");
        List<Integer> seen = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = ApacheClients.consumer(fixture, "cg-retry", "RetryTopic", "*",
            (MessageListenerConcurrently) (msgs, ctx) -> {
                msgs.forEach(m -> seen.add(m.getReconsumeTimes()));
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            });
        consumer.setMaxReconsumeTimes(2);
        List<MessageExt> dead = new CopyOnWriteArrayList<>();
        DefaultMQPullConsumer dlqReader = new DefaultMQPullConsumer("cg-dlq-reader");
        dlqReader.setNamesrvAddr(fixture.namesrvAddr());
        dlqReader.setInstanceName("dlq-" + System.nanoTime());
        try {
            SendResult sent = producer.send(new Message("RetryTopic", "tagA", "k1",
                "retry-me".getBytes(StandardCharsets.UTF_8)));
            consumer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> seen.size() >= 3);
            assertThat(seen).startsWith(0, 1, 2);
            dlqReader.start();
            await().atMost(Duration.ofSeconds(20)).ignoreExceptions().until(() -> {
                for (MessageQueue mq : dlqReader.fetchSubscribeMessageQueues("%DLQ%cg-retry")) {
                    PullResult pulled = dlqReader.pull(mq, "*", 0, 32);
                    if (pulled.getMsgFoundList() != null) {
                        dead.addAll(pulled.getMsgFoundList());
                    }
                }
                return !dead.isEmpty();
            });
            MessageExt d = dead.get(0);
            assertThat(d.getTopic()).isEqualTo("%DLQ%cg-retry");
            assertThat(d.getQueueId()).isZero();
            assertThat(new String(d.getBody(), StandardCharsets.UTF_8)).isEqualTo("retry-me");
            assertThat(d.getReconsumeTimes()).isEqualTo(3);
            assertThat(d.getProperty(MessageConst.PROPERTY_RETRY_TOPIC)).isEqualTo("RetryTopic");
            assertThat(d.getProperty(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID)).isEqualTo(sent.getOffsetMsgId());
            assertThat(d.getMsgId()).isEqualTo(sent.getMsgId());
            assertThat(seen).hasSize(3);
        } finally {
            dlqReader.shutdown();
            consumer.shutdown();
            producer.shutdown();
        }
    }

    @Test
    void delayedMessageSurvivesRestartAndOffsetsAreServed() throws Exception {
        DefaultMQProducer producer = ApacheClients.producer(fixture, "pg-delay-restart");
        Message msg = new Message("DelayRestart", "later".getBytes(StandardCharsets.UTF_8));
        msg.setDelayTimeLevel(2);
        SendResult sent;
        try {
            sent = producer.send(msg);
        } finally {
            producer.shutdown();
        }
        fixture.restartBroker();
        List<MessageExt> got = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = ApacheClients.consumer(fixture, "cg-delay-restart", "DelayRestart", "*",
            (MessageListenerConcurrently) (msgs, ctx) -> {
                got.addAll(msgs);
                return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
            });
        consumer.start();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> !got.isEmpty());
        } finally {
            consumer.shutdown();
        }
        MessageExt m = got.get(0);
        assertThat(m.getMsgId()).isEqualTo(sent.getMsgId());
        assertThat(m.getProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL)).isNull();
        assertThat(m.getQueueId()).isEqualTo(sent.getMessageQueue().getQueueId());
        assertThat(m.getStoreTimestamp() - m.getBornTimestamp()).isGreaterThanOrEqualTo(2000);

        NettyRemotingClient client = new NettyRemotingClient(new NettyClientConfig());
        try {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                RemotingCommand response = client.invokeSync(fixture.broker.address(),
                    RemotingCommand.request(RequestCode.GET_ALL_DELAY_OFFSET), 3000);
                assertThat(new String(response.getBody(), StandardCharsets.UTF_8)).contains("\"offsetTable\"")
                    .containsPattern("\"2\":\\s*[1-9]");
            });
        } finally {
            client.shutdown();
        }
    }
}
