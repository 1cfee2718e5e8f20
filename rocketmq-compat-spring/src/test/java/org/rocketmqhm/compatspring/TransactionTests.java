package org.rocketmqhm.compatspring;

import org.apache.rocketmq.client.producer.LocalTransactionState;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.client.producer.TransactionSendResult;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.apache.rocketmq.spring.annotation.RocketMQTransactionListener;
import org.apache.rocketmq.spring.core.RocketMQListener;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionListener;
import org.apache.rocketmq.spring.core.RocketMQLocalTransactionState;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.test.context.TestPropertySource;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code sendMessageInTransaction} with a {@code @RocketMQTransactionListener}: COMMIT, ROLLBACK, and UNKNOWN
 * answered by our broker's check-back (transactionCheckInterval 1 s, transactionTimeOut 0.5 s in OurRocketMQ).
 */
@SpringBootTest(classes = TransactionTests.App.class, webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = "rocketmq.producer.group=spring-txn-pg")
class TransactionTests extends OurPlatformTestBase {

    static final String TOPIC = "SpringTxnTopic";

    @BeforeAll
    static void topics() {
        createTopics(4, TOPIC);
    }

    @RocketMQTransactionListener
    static class LocalTransactions implements RocketMQLocalTransactionListener {
        final Set<String> checked = ConcurrentHashMap.newKeySet();

        @Override
        public RocketMQLocalTransactionState executeLocalTransaction(Message msg, Object arg) {
            return switch ((String) arg) {
                case "commit" -> RocketMQLocalTransactionState.COMMIT;
                case "rollback" -> RocketMQLocalTransactionState.ROLLBACK;
                default -> RocketMQLocalTransactionState.UNKNOWN;
            };
        }

        @Override
        public RocketMQLocalTransactionState checkLocalTransaction(Message msg) {
            checked.add(new String((byte[]) msg.getPayload(), StandardCharsets.UTF_8));
            return RocketMQLocalTransactionState.COMMIT;
        }
    }

    @RocketMQMessageListener(topic = TOPIC, consumerGroup = "spring-txn-cg")
    static class Consumed extends RecordingListener implements RocketMQListener<MessageExt> {
        @Override
        public void onMessage(MessageExt message) {
            record(message);
        }
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    static class App {
        @Bean
        LocalTransactions localTransactions() {
            return new LocalTransactions();
        }

        @Bean
        Consumed consumed() {
            return new Consumed();
        }
    }

    @Autowired
    RocketMQTemplate template;

    @Autowired
    LocalTransactions transactions;

    @Autowired
    Consumed consumed;

    private TransactionSendResult send(String body, String decision) {
        TransactionSendResult result = template.sendMessageInTransaction(TOPIC,
            MessageBuilder.withPayload(body).build(), decision);
        assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
        return result;
    }

    @Test
    void commitRollbackAndUnknownThenCheckBack() {
        TransactionSendResult rollback = send("txn-rollback", "rollback");
        TransactionSendResult commit = send("txn-commit", "commit");
        TransactionSendResult unknown = send("txn-unknown", "unknown");
        assertThat(rollback.getLocalTransactionState()).isEqualTo(LocalTransactionState.ROLLBACK_MESSAGE);
        assertThat(commit.getLocalTransactionState()).isEqualTo(LocalTransactionState.COMMIT_MESSAGE);
        assertThat(unknown.getLocalTransactionState()).isEqualTo(LocalTransactionState.UNKNOW);

        await().atMost(WAIT).until(() -> consumed.withBody("txn-commit").isPresent());
        await().atMost(WAIT).until(() -> consumed.withBody("txn-unknown").isPresent());

        assertThat(transactions.checked).containsExactly("txn-unknown");
        MessageExt committed = consumed.withBody("txn-commit").orElseThrow();
        assertThat(committed.getTopic()).isEqualTo(TOPIC);
        assertThat(committed.getMsgId()).isEqualTo(commit.getMsgId());
        assertThat(consumed.withBody("txn-unknown").orElseThrow().getMsgId()).isEqualTo(unknown.getMsgId());
        // The rollback was sent first; both later ones arrived and it never did.
        assertThat(consumed.withBody("txn-rollback")).isEmpty();
    }
}
