package org.rocketmqhm.core.client;

import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.producer.LocalTransactionState;
import org.rocketmqhm.core.client.producer.SendStatus;
import org.rocketmqhm.core.client.producer.TransactionListener;
import org.rocketmqhm.core.client.producer.TransactionProducer;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.testsupport.BrokerTestBase;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Transactions end to end: direct commit/rollback, and unknown outcomes resolved by the broker's check-back (one to
 * commit, one to rollback). A reader (Apache's lite pull consumer, the neutral oracle) sees exactly the committed
 * bodies. Runs against Apache's broker by default.
 */
class TransactionProducerIntegrationTests extends BrokerTestBase {

    @Test
    void commitRollbackAndCheckBackDecideWhatConsumersSee() throws Exception {
        String topic = unique("TxTopic");
        Map<String, String> checked = new ConcurrentHashMap<>();
        TransactionProducer producer = new TransactionProducer(unique("txg"), new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                return (LocalTransactionState) arg;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                String body = new String(message.getBody(), StandardCharsets.UTF_8);
                checked.put(message.getMsgId(), body);
                return body.endsWith("rollback") ? LocalTransactionState.ROLLBACK_MESSAGE
                    : LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName(unique("tx"));
        producer.start();
        try {
            producer.send(new Message(topic, "warm-up".getBytes(StandardCharsets.UTF_8)));
            var committed = producer.sendInTransaction(body(topic, "commit"), LocalTransactionState.COMMIT_MESSAGE);
            var rolledBack = producer.sendInTransaction(body(topic, "rollback"), LocalTransactionState.ROLLBACK_MESSAGE);
            var unknownCommit = producer.sendInTransaction(body(topic, "unknown-commit"), LocalTransactionState.UNKNOW);
            var unknownRollback = producer.sendInTransaction(body(topic, "unknown-rollback"),
                LocalTransactionState.UNKNOW);
            assertThat(committed.sendResult().status()).isEqualTo(SendStatus.SEND_OK);
            assertThat(committed.sendResult().transactionId()).isNotNull();

            await().atMost(Duration.ofSeconds(20)).until(() -> checked.keySet().containsAll(Set.of(
                unknownCommit.sendResult().msgId(), unknownRollback.sendResult().msgId())));

            Set<String> seen = readBodies(topic, Set.of("warm-up", "commit", "unknown-commit"));
            assertThat(seen).containsExactlyInAnyOrder("warm-up", "commit", "unknown-commit");
            assertThat(checked).doesNotContainKeys(committed.sendResult().msgId(), rolledBack.sendResult().msgId());
        } finally {
            producer.shutdown();
        }
    }

    private static Message body(String topic, String text) {
        return new Message(topic, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Polls until the expected bodies arrived, then once more so that a stray extra message would show. */
    private Set<String> readBodies(String topic, Set<String> expected) throws Exception {
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer(unique("tx-reader"));
        consumer.setNamesrvAddr(nameServerAddress());
        consumer.setInstanceName(unique("apache"));
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(topic, "*");
        consumer.start();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(500).forEach(m -> seen.add(new String(m.getBody(), StandardCharsets.UTF_8)));
                return seen.containsAll(expected);
            });
            consumer.poll(1000).forEach(m -> seen.add(new String(m.getBody(), StandardCharsets.UTF_8)));
        } finally {
            consumer.shutdown();
        }
        return seen;
    }
}
