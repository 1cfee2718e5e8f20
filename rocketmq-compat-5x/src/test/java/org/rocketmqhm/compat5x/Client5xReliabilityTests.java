package org.rocketmqhm.compat5x;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.RequestCallback;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionListener;
import org.apache.rocketmq.client.producer.TransactionMQProducer;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.client.utils.MessageUtil;
import org.apache.rocketmq.common.MixAll;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Apache's 5.3 remoting client against our name server and broker: transactions, redelivery and dead letters,
 * request-reply and lite pull offsets.
 */
class Client5xReliabilityTests extends Compat5xSupport {


    @Test
    void transactionCommitIsVisibleRollbackIsNotAndUnknownIsCheckedBack() throws Exception {
        startPlatform(broker -> {
            broker.setTransactionTimeOut(500);
            broker.setTransactionCheckInterval(1000);
        });
        Set<String> checked = ConcurrentHashMap.newKeySet();
        TransactionMQProducer producer = new TransactionMQProducer("pg-tx");
        configure(producer);
        producer.setTransactionListener(new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message msg, Object arg) {
                return switch (text(msg.getBody())) {
                    case "commit" -> LocalTransactionState.COMMIT_MESSAGE;
                    case "rollback" -> LocalTransactionState.ROLLBACK_MESSAGE;
                    default -> LocalTransactionState.UNKNOW;
                };
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt msg) {
                checked.add(text(msg.getBody()));
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.start();
        track(producer::shutdown);
        for (String body : List.of("commit", "rollback", "unknown")) {
            TransactionSendResult result = producer.sendMessageInTransaction(new Message("Tx5x", utf8(body)), null);
            assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        }
        Map<String, Integer> received = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = pushConsumer("cg-tx");
        consumer.subscribe("Tx5x", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.merge(text(m.getBody()), 1, Integer::sum));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        await().atMost(WAIT).until(() -> received.containsKey("commit") && received.containsKey("unknown"));
        assertThat(checked).containsExactly("unknown");
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
            .until(() -> !received.containsKey("rollback"));
        assertThat(received).containsEntry("commit", 1).containsEntry("unknown", 1);
    }

    /**
     * RECONSUME_LATER with delay level 1 goes back through {@code %RETRY%group}; with maxReconsumeTimes 1 the
     * second failure lands in {@code %DLQ%group}, which is read here by a lite pull consumer assigned to it.
     */
    @Test
    void failedMessagesAreRedeliveredThenDeadLettered() throws Exception {
        startPlatform();
        DefaultMQProducer producer = producer("pg-retry");
        producer.send(new Message("Retry5x", utf8("retry-once")));
        producer.send(new Message("Retry5x", utf8("always-fail")));
        Map<String, List<Integer>> attempts = new ConcurrentHashMap<>();
        DefaultMQPushConsumer consumer = pushConsumer("cg-retry");
        consumer.setMaxReconsumeTimes(1);
        consumer.subscribe("Retry5x", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            MessageExt m = messages.get(0);
            String body = text(m.getBody());
            attempts.computeIfAbsent(body, k -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(m.getReconsumeTimes());
            context.setDelayLevelWhenNextConsume(1);
            if (body.equals("always-fail") || m.getReconsumeTimes() == 0) {
                return ConsumeConcurrentlyStatus.RECONSUME_LATER;
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        await().atMost(WAIT).until(() -> attempts.getOrDefault("retry-once", List.of()).size() == 2
            && attempts.getOrDefault("always-fail", List.of()).size() == 2);
        assertThat(attempts.get("retry-once")).containsExactly(0, 1);

        String dlq = MixAll.DLQ_GROUP_TOPIC_PREFIX + "cg-retry";
        DefaultLitePullConsumer reader = new DefaultLitePullConsumer("cg-dlq-reader");
        reader.setNamesrvAddr(platform.nameServerAddress());
        reader.setInstanceName(instance("dlq"));
        reader.start();
        track(reader::shutdown);
        AtomicReference<List<MessageExt>> dead = new AtomicReference<>(new ArrayList<>());
        await().atMost(WAIT).ignoreExceptions().until(() -> {
            Collection<MessageQueue> queues = reader.fetchMessageQueues(dlq);
            if (reader.assignment() == null || reader.assignment().isEmpty()) {
                reader.assign(queues);
                for (MessageQueue q : queues) {
                    reader.seek(q, 0);
                }
            }
            dead.get().addAll(reader.poll(500));
            return !dead.get().isEmpty();
        });
        assertThat(dead.get()).extracting(m -> text(m.getBody())).containsExactly("always-fail");
        assertThat(attempts.get("always-fail")).containsExactly(0, 1);
    }

    /**
     * Request-reply through the broker (SEND_REPLY_MESSAGE and PUSH_REPLY_MESSAGE_TO_CLIENT). Uses the
     * {@link RequestCallback} form: the blocking {@code request(msg, timeout)} of 5.3.1+ is reported broken
     * whatever the broker (apache/rocketmq issue 9292).
     */
    @Test
    void requestReplyRoundTrips() throws Exception {
        startPlatform();
        DefaultMQProducer requester = producer("pg-request");
        DefaultMQProducer replier = producer("pg-replier");
        requester.send(new Message("Request5x", utf8("warm-up")));
        DefaultMQPushConsumer consumer = pushConsumer("cg-request");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_LAST_OFFSET);
        consumer.subscribe("Request5x", "req");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            for (MessageExt m : messages) {
                try {
                    Message reply = MessageUtil.createReplyMessage(m, utf8("reply-to-" + text(m.getBody())));
                    replier.send(reply);
                } catch (Exception e) {
                    return ConsumeConcurrentlyStatus.RECONSUME_LATER;
                }
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        AtomicReference<Message> reply = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        await().atMost(WAIT).until(() -> {
            // the consumer must own its queues before the request is sent, so retry with a fresh request
            CountDown latch = new CountDown();
            requester.request(new Message("Request5x", "req", utf8("ping")), new RequestCallback() {
                @Override
                public void onSuccess(Message message) {
                    reply.compareAndSet(null, message);
                    latch.done();
                }

                @Override
                public void onException(Throwable e) {
                    failure.set(e);
                    latch.done();
                }
            }, 3000);
            latch.await(5000);
            return reply.get() != null;
        });
        assertThat(text(reply.get().getBody())).isEqualTo("reply-to-ping");
    }

    @Test
    void litePullAssignSeekCommitSurvivesRestart() throws Exception {
        startPlatform();
        DefaultMQProducer producer = producer("pg-lite");
        for (int i = 0; i < 10; i++) {
            producer.send(new Message("LiteSeek5x", utf8("ls-" + i)));
        }
        DefaultLitePullConsumer first = liteConsumer("cg-lite-seek");
        Collection<MessageQueue> queues = first.fetchMessageQueues("LiteSeek5x");
        first.assign(queues);
        MessageQueue target = null;
        for (MessageQueue q : queues) {
            if (first.committed(q) < 0 && target == null) {
                target = q;
            }
        }
        for (MessageQueue q : queues) {
            first.seek(q, 0);
        }
        List<MessageExt> polled = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            polled.addAll(first.poll(500));
            return polled.size() >= 10;
        });
        assertThat(polled).extracting(m -> text(m.getBody())).hasSize(10);
        first.commitSync();
        Map<MessageQueue, Long> committed = new ConcurrentHashMap<>();
        for (MessageQueue q : queues) {
            committed.put(q, first.committed(q));
        }
        long total = committed.values().stream().mapToLong(Long::longValue).sum();
        assertThat(total).isEqualTo(10);
        first.shutdown();

        producer.send(new Message("LiteSeek5x", utf8("after-restart")));
        DefaultLitePullConsumer second = liteConsumer("cg-lite-seek");
        second.assign(second.fetchMessageQueues("LiteSeek5x"));
        List<MessageExt> again = new ArrayList<>();
        await().atMost(WAIT).until(() -> {
            again.addAll(second.poll(500));
            return !again.isEmpty();
        });
        await().during(Duration.ofMillis(500)).atMost(Duration.ofSeconds(5)).until(() -> {
            again.addAll(second.poll(100));
            return true;
        });
        assertThat(again).extracting(m -> text(m.getBody())).containsExactly("after-restart");
    }

    private DefaultLitePullConsumer liteConsumer(String group) throws Exception {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(group);
        consumer.setNamesrvAddr(platform.nameServerAddress());
        consumer.setInstanceName(instance("lite"));
        consumer.setAutoCommit(false);
        consumer.start();
        track(consumer::shutdown);
        return consumer;
    }

    /** A one-shot latch with a bounded wait. */
    private static final class CountDown {
        private final java.util.concurrent.CountDownLatch latch = new java.util.concurrent.CountDownLatch(1);

        void done() {
            latch.countDown();
        }

        void await(long millis) throws InterruptedException {
            latch.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }
}
