package org.rocketmqhm.core.client;

import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.trace.TraceContext;
import org.apache.rocketmq.client.trace.TraceDataEncoder;
import org.apache.rocketmq.client.trace.TraceType;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.admin.AdminClient;
import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.core.client.trace.TraceDispatcher;
import org.rocketmqhm.core.client.trace.TraceEncoder;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.testsupport.BrokerFixture;
import org.rocketmqhm.core.testsupport.BrokerTestBase;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Message trace end to end against our broker ({@link MessageTraceApacheIntegrationTests}: Apache's): a tracing
 * producer and a tracing push consumer, then the trace topic is queried by the message id (as
 * {@code mqadmin queryMsgTraceById} does) and the records are decoded with Apache 4.9.7's {@code TraceDataEncoder}
 * and with a plain split of our own; Apache's {@code DefaultMQAdminExt.queryMessage} finds and decodes them too.
 */
class MessageTraceIntegrationTests extends BrokerTestBase {

    @Override
    protected BrokerFixture startBroker(Path dir) throws Exception {
        return OurRocketMQ.start(dir);
    }

    /**
     * {@code MSG_REGION} of a consumed message: ours stores the broker's region; Apache 4.9.7's default broker (no
     * send-message hook) stores none, so Apache's 5.x client drops the consume traces of its messages.
     */
    protected String expectedStoredRegion() {
        return TraceEncoder.DEFAULT_REGION;
    }

    @Test
    void sendAndConsumeTracesReachTheTraceTopicInApacheFormat() throws Exception {
        String topic = unique("TracedTopic");
        String producerGroup = unique("tpg");
        String consumerGroup = unique("tcg");
        Producer producer = new Producer(producerGroup);
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName(unique("p"));
        producer.setEnableMsgTrace(true);
        producer.start();
        List<MessageExt> consumed = new CopyOnWriteArrayList<>();
        PushConsumer consumer = new PushConsumer(consumerGroup);
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName(unique("c"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setEnableMsgTrace(true);
        consumer.subscribe(topic, "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, q) -> {
            consumed.addAll(msgs);
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        AdminClient admin = new AdminClient();
        admin.setNamesrvAddr(nameServerAddress());
        admin.setInstanceName(unique("a"));
        admin.start();
        try {
            SendResult sent = producer.send(new Message(topic, "TagT", "order-7", "traced".getBytes(StandardCharsets.UTF_8)));
            consumer.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> !consumed.isEmpty());
            String msgId = sent.msgId();
            assertThat(consumed.get(0).getProperty("MSG_REGION")).isEqualTo(expectedStoredRegion());

            List<TraceContext> contexts = new ArrayList<>();
            List<String> ourRecords = new ArrayList<>();
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                contexts.clear();
                ourRecords.clear();
                for (MessageExt m : admin.queryMessageByKey(TraceEncoder.DEFAULT_TRACE_TOPIC, msgId, 64, 0,
                    Long.MAX_VALUE)) {
                    String body = new String(m.getBody(), StandardCharsets.UTF_8);
                    for (TraceContext c : TraceDataEncoder.decoderFromTraceDataString(body)) {
                        if (msgId.equals(c.getTraceBeans().get(0).getMsgId())) {
                            contexts.add(c);
                        }
                    }
                    for (String record : body.split(String.valueOf(TraceEncoder.FIELD_SPLITOR))) {
                        if (record.contains(msgId)) {
                            ourRecords.add(record);
                        }
                    }
                }
                return contexts.stream().map(TraceContext::getTraceType).distinct().count() == 3;
            });

            TraceContext pub = only(contexts, TraceType.Pub);
            assertThat(pub.getGroupName()).isEqualTo(producerGroup);
            assertThat(pub.getRegionId()).isEqualTo(TraceEncoder.DEFAULT_REGION);
            assertThat(pub.isSuccess()).isTrue();
            assertThat(pub.getTraceBeans().get(0).getTopic()).isEqualTo(topic);
            assertThat(pub.getTraceBeans().get(0).getTags()).isEqualTo("TagT");
            assertThat(pub.getTraceBeans().get(0).getKeys()).isEqualTo("order-7");
            assertThat(pub.getTraceBeans().get(0).getOffsetMsgId()).isEqualTo(sent.offsetMsgId());
            assertThat(pub.getTraceBeans().get(0).getStoreHost()).isEqualTo(broker().brokerAddress());
            assertThat(pub.getTraceBeans().get(0).getBodyLength()).isEqualTo(6);
            TraceContext before = only(contexts, TraceType.SubBefore);
            assertThat(before.getGroupName()).isEqualTo(consumerGroup);
            assertThat(before.getTraceBeans().get(0).getRetryTimes()).isZero();
            assertThat(before.getTraceBeans().get(0).getKeys()).isEqualTo("order-7");
            TraceContext after = only(contexts, TraceType.SubAfter);
            assertThat(after.getRequestId()).isEqualTo(before.getRequestId());
            assertThat(after.isSuccess()).isTrue();
            assertThat(after.getContextCode()).isEqualTo(TraceEncoder.CONTEXT_SUCCESS);

            String ourPub = ourRecords.stream().filter(r -> r.startsWith("Pub")).findFirst().orElseThrow();
            String[] fields = ourPub.split(String.valueOf(TraceEncoder.CONTENT_SPLITOR));
            assertThat(fields).hasSize(14);
            assertThat(fields[4]).isEqualTo(topic);
            assertThat(fields[5]).isEqualTo(msgId);
            assertThat(fields[11]).isEqualTo("0");
            assertThat(ourRecords.stream().filter(r -> r.startsWith("SubAfter")).findFirst().orElseThrow()
                .split(String.valueOf(TraceEncoder.CONTENT_SPLITOR))).hasSize(9).endsWith(consumerGroup);
            assertThat(producer.traceDispatcher().droppedCount()).isZero();
            assertThat(apacheAdminTraceTypes(msgId)).contains(TraceType.Pub, TraceType.SubBefore, TraceType.SubAfter);
        } finally {
            admin.shutdown();
            consumer.shutdown();
            producer.shutdown();
        }
    }

    /** What {@code mqadmin queryMsgTraceById} does: Apache's admin queries the trace topic by key and decodes. */
    private List<TraceType> apacheAdminTraceTypes(String msgId) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(unique("apache-admin"));
        admin.setNamesrvAddr(nameServerAddress());
        admin.setInstanceName(unique("apache-admin"));
        admin.start();
        try {
            QueryResult result = admin.queryMessage(TraceEncoder.DEFAULT_TRACE_TOPIC, msgId, 64, 0,
                System.currentTimeMillis());
            List<TraceType> types = new ArrayList<>();
            for (org.apache.rocketmq.common.message.MessageExt m : result.getMessageList()) {
                for (TraceContext c : TraceDataEncoder.decoderFromTraceDataString(
                    new String(m.getBody(), StandardCharsets.UTF_8))) {
                    if (msgId.equals(c.getTraceBeans().get(0).getMsgId())) {
                        types.add(c.getTraceType());
                    }
                }
            }
            return types;
        } finally {
            admin.shutdown();
        }
    }

    private static TraceContext only(List<TraceContext> contexts, TraceType type) {
        List<TraceContext> matching = contexts.stream().filter(c -> c.getTraceType() == type).toList();
        assertThat(matching).as(type.name()).hasSize(1);
        return matching.get(0);
    }

    @Test
    void aFullTraceQueueDropsAndCountsInsteadOfBlocking() {
        ClientConfig config = new ClientConfig();
        config.setNamesrvAddr(nameServerAddress());
        config.setInstanceName(unique("drop"));
        TraceDispatcher dispatcher = new TraceDispatcher(unique("dg"), unique("DropTraceTopic"), config, 4);
        try {
            int accepted = 0;
            for (int i = 0; i < 10_000; i++) {
                if (dispatcher.append("Pub" + i + TraceEncoder.FIELD_SPLITOR, "id" + i, null)) {
                    accepted++;
                }
            }
            assertThat(dispatcher.droppedCount()).isEqualTo(10_000 - accepted).isPositive();
        } finally {
            dispatcher.shutdown(5000);
        }
    }
}
