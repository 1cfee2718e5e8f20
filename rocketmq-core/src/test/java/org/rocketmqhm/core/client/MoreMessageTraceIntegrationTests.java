package org.rocketmqhm.core.client;

import org.apache.rocketmq.client.trace.TraceBean;
import org.apache.rocketmq.client.trace.TraceContext;
import org.apache.rocketmq.client.trace.TraceDataEncoder;
import org.apache.rocketmq.client.trace.TraceType;
import org.apache.rocketmq.common.message.MessageType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.admin.AdminClient;
import org.rocketmqhm.core.client.consumer.LitePullConsumer;
import org.rocketmqhm.core.client.consumer.MessageSelector;
import org.rocketmqhm.core.client.producer.LocalTransactionState;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.core.client.producer.TransactionListener;
import org.rocketmqhm.core.client.producer.TransactionProducer;
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
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Traces beyond the synchronous send and the push consumer, against our broker, decoded with Apache 4.9.7's
 * {@code TraceDataEncoder}: one-way and batch sends (Pub), transaction ends (EndTransaction) and the lite pull
 * consumer (SubBefore / SubAfter).
 */
class MoreMessageTraceIntegrationTests extends BrokerTestBase {

    private AdminClient admin;

    @Override
    protected BrokerFixture startBroker(Path dir) throws Exception {
        return OurRocketMQ.start(dir);
    }

    @BeforeAll
    void startAdmin() {
        admin = new AdminClient();
        admin.setNamesrvAddr(nameServerAddress());
        admin.setInstanceName(unique("a"));
        admin.start();
    }

    @AfterAll
    void stopAdmin() {
        admin.shutdown();
    }

    /** Queries the trace topic by the message id (as {@code mqadmin queryMsgTraceById}) until the check passes. */
    private List<TraceContext> traces(String msgId, Predicate<List<TraceContext>> complete) {
        List<TraceContext> found = new ArrayList<>();
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            found.clear();
            for (MessageExt m : admin.queryMessageByKey(TraceEncoder.DEFAULT_TRACE_TOPIC, msgId, 64, 0,
                Long.MAX_VALUE)) {
                for (TraceContext c : TraceDataEncoder.decoderFromTraceDataString(
                    new String(m.getBody(), StandardCharsets.UTF_8))) {
                    if (msgId.equals(c.getTraceBeans().get(0).getMsgId())) {
                        found.add(c);
                    }
                }
            }
            return complete.test(found);
        });
        return found;
    }

    private static Set<TraceType> types(List<TraceContext> contexts) {
        return contexts.stream().map(TraceContext::getTraceType).collect(Collectors.toSet());
    }

    private Producer tracingProducer(Producer producer) {
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName(unique("p"));
        producer.setEnableMsgTrace(true);
        producer.start();
        return producer;
    }

    @Test
    void oneWayAndBatchSendsRecordPubTraces() {
        String topic = unique("TraceOneway");
        String group = unique("tog");
        Producer producer = tracingProducer(new Producer(group));
        try {
            producer.send(new Message(topic, "warm".getBytes(StandardCharsets.UTF_8))); // route + topic exist
            Message oneway = new Message(topic, "TagO", "key-o", "oneway".getBytes(StandardCharsets.UTF_8));
            producer.sendOneway(oneway);
            Message b1 = new Message(topic, "TagB", "key-b1", "b1".getBytes(StandardCharsets.UTF_8));
            Message b2 = new Message(topic, "TagB", "key-b2", "batch-2".getBytes(StandardCharsets.UTF_8));
            SendResult batch = producer.send(List.of(b1, b2));

            TraceBean o = traces(oneway.getUniqKey(), c -> types(c).contains(TraceType.Pub)).get(0).getTraceBeans().get(0);
            assertThat(o.getTopic()).isEqualTo(topic);
            assertThat(o.getTags()).isEqualTo("TagO");
            assertThat(o.getKeys()).isEqualTo("key-o");
            assertThat(o.getBodyLength()).isEqualTo(6);
            assertThat(o.getStoreHost()).isEqualTo(broker().brokerAddress());

            String[] offsetIds = batch.offsetMsgId().split(",");
            List<TraceContext> first = traces(b1.getUniqKey(), c -> types(c).contains(TraceType.Pub));
            assertThat(first).hasSize(1);
            assertThat(first.get(0).isSuccess()).isTrue();
            assertThat(first.get(0).getGroupName()).isEqualTo(group);
            TraceBean p1 = first.get(0).getTraceBeans().get(0);
            assertThat(p1.getKeys()).isEqualTo("key-b1");
            assertThat(p1.getBodyLength()).isEqualTo(2);
            assertThat(p1.getOffsetMsgId()).isEqualTo(offsetIds[0]);
            TraceBean p2 = traces(b2.getUniqKey(), c -> types(c).contains(TraceType.Pub)).get(0).getTraceBeans().get(0);
            assertThat(p2.getKeys()).isEqualTo("key-b2");
            assertThat(p2.getBodyLength()).isEqualTo(7);
            assertThat(p2.getOffsetMsgId()).isEqualTo(offsetIds[1]);
            assertThat(p2.getMsgType()).isEqualTo(MessageType.Normal_Msg);
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void transactionEndRecordsAnEndTransactionTrace() {
        String topic = unique("TraceTx");
        String group = unique("ttg");
        TransactionProducer producer = (TransactionProducer) tracingProducer(new TransactionProducer(group,
            new TransactionListener() {
                @Override
                public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                    return LocalTransactionState.COMMIT_MESSAGE;
                }

                @Override
                public LocalTransactionState checkLocalTransaction(MessageExt message) {
                    return LocalTransactionState.COMMIT_MESSAGE;
                }
            }));
        try {
            Message message = new Message(topic, "TagX", "order-x", "tx".getBytes(StandardCharsets.UTF_8));
            TransactionProducer.TransactionSendResult result = producer.sendInTransaction(message, null);
            String msgId = result.sendResult().msgId();
            List<TraceContext> contexts = traces(msgId,
                c -> types(c).containsAll(Set.of(TraceType.Pub, TraceType.EndTransaction)));
            TraceContext pub = contexts.stream().filter(c -> c.getTraceType() == TraceType.Pub).findFirst().orElseThrow();
            assertThat(pub.getTraceBeans().get(0).getMsgType()).isEqualTo(MessageType.Trans_Msg_Half);
            TraceContext end = contexts.stream().filter(c -> c.getTraceType() == TraceType.EndTransaction)
                .findFirst().orElseThrow();
            assertThat(end.getGroupName()).isEqualTo(group);
            assertThat(end.getRegionId()).isEqualTo(TraceEncoder.DEFAULT_REGION);
            TraceBean bean = end.getTraceBeans().get(0);
            assertThat(bean.getTopic()).isEqualTo(topic);
            assertThat(bean.getTags()).isEqualTo("TagX");
            assertThat(bean.getKeys()).isEqualTo("order-x");
            assertThat(bean.getStoreHost()).isEqualTo(broker().brokerAddress());
            assertThat(bean.getMsgType()).isEqualTo(MessageType.Trans_msg_Commit);
            assertThat(bean.getTransactionId()).isEqualTo(result.sendResult().transactionId());
            assertThat(bean.getTransactionState())
                .isEqualTo(org.apache.rocketmq.client.producer.LocalTransactionState.COMMIT_MESSAGE);
            assertThat(bean.isFromTransactionCheck()).isFalse();
        } finally {
            producer.shutdown();
        }
    }

    @Test
    void litePullConsumptionRecordsSubBeforeAndSubAfter() {
        String topic = unique("TraceLite");
        String group = unique("tlg");
        Producer producer = new Producer(unique("tlp"));
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName(unique("p"));
        producer.start();
        LitePullConsumer consumer = new LitePullConsumer(group);
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName(unique("l"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.setEnableMsgTrace(true);
        consumer.subscribe(topic, MessageSelector.byTag("*"));
        try {
            SendResult sent = producer.send(new Message(topic, "TagL", "key-l", "lite".getBytes(StandardCharsets.UTF_8)));
            consumer.start();
            List<MessageExt> got = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                got.addAll(consumer.poll(Duration.ofMillis(300)));
                return !got.isEmpty();
            });
            List<TraceContext> contexts = traces(sent.msgId(),
                c -> types(c).containsAll(Set.of(TraceType.SubBefore, TraceType.SubAfter)));
            TraceContext before = contexts.stream().filter(c -> c.getTraceType() == TraceType.SubBefore)
                .findFirst().orElseThrow();
            TraceContext after = contexts.stream().filter(c -> c.getTraceType() == TraceType.SubAfter)
                .findFirst().orElseThrow();
            assertThat(before.getGroupName()).isEqualTo(group);
            assertThat(before.getTraceBeans().get(0).getKeys()).isEqualTo("key-l");
            assertThat(after.getRequestId()).isEqualTo(before.getRequestId());
            assertThat(after.isSuccess()).isTrue();
            assertThat(after.getContextCode()).isZero();
        } finally {
            consumer.shutdown();
            producer.shutdown();
        }
    }
}
