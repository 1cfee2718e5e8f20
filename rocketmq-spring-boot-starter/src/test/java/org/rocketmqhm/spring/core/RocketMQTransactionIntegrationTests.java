package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.client.consumer.PushConsumer;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.spring.annotation.ExtRocketMQTemplateConfiguration;
import org.rocketmqhm.spring.annotation.RocketMQTransactionListener;
import org.rocketmqhm.spring.autoconfigure.RocketMQAutoConfiguration;
import org.rocketmqhm.spring.support.RocketMQHeaders;
import org.rocketmqhm.spring.test.EmbeddedRocketMQBroker;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.messaging.Message;
import org.springframework.messaging.support.MessageBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Transactional sends, broker check-backs (1 s interval) and extra templates against our broker. */
class RocketMQTransactionIntegrationTests {

    static EmbeddedRocketMQBroker broker;

    @BeforeAll
    static void startBroker() throws Exception {
        broker = EmbeddedRocketMQBroker.start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    /** Decides by payload: "commit", "rollback", or "unknown" (committed on check-back). */
    @RocketMQTransactionListener
    static class OrderTransactions implements RocketMQLocalTransactionListener {
        static final Map<String, Object> ARGS = new ConcurrentHashMap<>();
        static final Map<String, Integer> CHECKS = new ConcurrentHashMap<>();

        @Override
        public RocketMQLocalTransactionState executeLocalTransaction(Message<?> msg, Object arg) {
            String payload = (String) msg.getPayload();
            ARGS.put(payload, String.valueOf(arg));
            assertThat(msg.getHeaders().get(RocketMQHeaders.prefixed(RocketMQHeaders.TRANSACTION_ID))).isNotNull();
            return switch (payload) {
                case "commit" -> RocketMQLocalTransactionState.COMMIT;
                case "rollback" -> RocketMQLocalTransactionState.ROLLBACK;
                default -> RocketMQLocalTransactionState.UNKNOWN;
            };
        }

        @Override
        public RocketMQLocalTransactionState checkLocalTransaction(Message<?> msg) {
            String payload = new String((byte[]) msg.getPayload(), StandardCharsets.UTF_8);
            CHECKS.merge(payload, 1, Integer::sum);
            return RocketMQLocalTransactionState.COMMIT;
        }
    }

    @ExtRocketMQTemplateConfiguration(group = "ext-producer", sendMessageTimeout = 5000)
    static class AuditTemplate extends RocketMQTemplate {
    }

    @Configuration(proxyBeanMethods = false)
    @Import({OrderTransactions.class, AuditTemplate.class})
    static class App {
    }

    private ApplicationContextRunner runner() {
        return new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class))
            .withUserConfiguration(App.class)
            .withPropertyValues("rocketmq.name-server=" + broker.nameServerAddress(), "rocketmq.producer.group=tx-app");
    }

    @Test
    void commitRollbackAndCheckBack() throws Exception {
        broker.createTopic("it-tx", 4);
        BlockingQueue<String> received = new LinkedBlockingQueue<>();
        PushConsumer consumer = new PushConsumer("verify-it-tx");
        consumer.setNamesrvAddr(broker.nameServerAddress());
        consumer.setInstanceName("verify-it-tx");
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe("it-tx", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (msgs, c) -> {
            for (MessageExt m : msgs) {
                received.add(new String(m.getBody(), StandardCharsets.UTF_8));
            }
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            runner().run(ctx -> {
                RocketMQTemplate template = ctx.getBean("rocketMQTemplate", RocketMQTemplate.class);
                TransactionSendResult commit = template.sendMessageInTransaction("it-tx",
                    MessageBuilder.withPayload("commit").build(), "arg-1");
                assertThat(commit.getLocalTransactionState()).isEqualTo(RocketMQLocalTransactionState.COMMIT);
                assertThat(OrderTransactions.ARGS).containsEntry("commit", "arg-1");
                template.sendMessageInTransaction("it-tx", MessageBuilder.withPayload("rollback").build(), null);
                TransactionSendResult unknown = template.sendMessageInTransaction("it-tx",
                    MessageBuilder.withPayload("unknown").build(), null);
                assertThat(unknown.getLocalTransactionState()).isEqualTo(RocketMQLocalTransactionState.UNKNOWN);

                assertThat(received.poll(20, TimeUnit.SECONDS)).isEqualTo("commit");
                assertThat(received.poll(30, TimeUnit.SECONDS)).as("committed by check-back").isEqualTo("unknown");
                assertThat(OrderTransactions.CHECKS).containsKey("unknown").doesNotContainKey("commit");
                assertThat(received.poll(2, TimeUnit.SECONDS)).as("rolled back").isNull();
            });
        } finally {
            consumer.shutdown();
        }
    }

    @Test
    void extraTemplateHasItsOwnProducerAndNoTransactionListener() {
        runner().run(ctx -> {
            assertThat(ctx).hasNotFailed();
            AuditTemplate audit = ctx.getBean(AuditTemplate.class);
            assertThat(audit.getProducer().getProducerGroup()).isEqualTo("ext-producer");
            assertThat(audit.getProducer().getSendMsgTimeoutMillis()).isEqualTo(5000);
            assertThat(audit.isRunning()).isTrue();
            assertThat(audit.syncSend("it-ext", "audited").status().name()).isEqualTo("SEND_OK");
            assertThatIllegalStateException().isThrownBy(() -> audit.sendMessageInTransaction("it-ext",
                MessageBuilder.withPayload("x").build(), null));
        });
    }
}
