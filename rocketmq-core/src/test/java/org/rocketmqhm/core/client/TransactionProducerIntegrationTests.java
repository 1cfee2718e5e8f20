package org.rocketmqhm.core.client;

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
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

class TransactionProducerIntegrationTests extends BrokerTestBase {

    @Test
    void unknownStateIsCheckedBackByTheBroker() {
        String topic = unique("TxTopic");
        Set<String> checked = ConcurrentHashMap.newKeySet();
        TransactionProducer producer = new TransactionProducer(unique("txg"), new TransactionListener() {
            @Override
            public LocalTransactionState executeLocalTransaction(Message message, Object arg) {
                return (LocalTransactionState) arg;
            }

            @Override
            public LocalTransactionState checkLocalTransaction(MessageExt message) {
                checked.add(message.getMsgId());
                return LocalTransactionState.COMMIT_MESSAGE;
            }
        });
        producer.setNamesrvAddr(nameServerAddress());
        producer.setInstanceName(unique("tx"));
        producer.start();
        try {
            producer.send(new Message(topic, "warm-up".getBytes(StandardCharsets.UTF_8)));
            var committed = producer.sendInTransaction(new Message(topic, "commit".getBytes(StandardCharsets.UTF_8)),
                LocalTransactionState.COMMIT_MESSAGE);
            assertThat(committed.sendResult().status()).isEqualTo(SendStatus.SEND_OK);
            var unknown = producer.sendInTransaction(new Message(topic, "unknown".getBytes(StandardCharsets.UTF_8)),
                LocalTransactionState.UNKNOW);
            await().atMost(Duration.ofSeconds(20)).until(() -> checked.contains(unknown.sendResult().msgId()));
        } finally {
            producer.shutdown();
        }
    }
}
