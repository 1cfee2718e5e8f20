package org.rocketmqhm.samples.transaction;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.spring.core.RocketMQLocalTransactionState;
import org.rocketmqhm.spring.support.RocketMQHeaders;
import org.rocketmqhm.spring.test.EmbeddedRocketMQ;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.messaging.support.MessageBuilder;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the order/payment flow against an embedded name server and broker. The broker checks undecided transactions
 * every 500 ms once they are 1 s old, so the slow path is resolved within a few seconds.
 */
@SpringBootTest
@EmbeddedRocketMQ(brokerProperties = {"transactionCheckInterval=500", "transactionTimeOut=1000"})
class TransactionApplicationTests {

    @Autowired
    OrderService orderService;

    @Autowired
    OrderRepository orders;

    @Autowired
    OrderTransactionListener transactionListener;

    @Autowired
    PaymentListener paymentListener;

    @Test
    void committedOrderIsPaid() {
        assertThat(orderService.placeOrder(new Order("o-commit", "book", 1_500)).getLocalTransactionState())
            .isEqualTo(RocketMQLocalTransactionState.COMMIT);
        assertThat(orders.exists("o-commit")).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> paymentListener.paidOrders().contains("o-commit"));
    }

    @Test
    void rolledBackOrderIsNeverPaid() {
        assertThat(orderService.placeOrder(new Order("o-rollback", "refund voucher", 0)).getLocalTransactionState())
            .isEqualTo(RocketMQLocalTransactionState.ROLLBACK);
        assertThat(orders.exists("o-rollback")).isFalse();
        // a committed order sent afterwards arrives, the rolled-back one stays away (also past check-back time)
        orderService.placeOrder(new Order("o-after-rollback", "pen", 200));
        await().atMost(Duration.ofSeconds(20)).until(() -> paymentListener.paidOrders().contains("o-after-rollback"));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(3))
            .until(() -> !paymentListener.paidOrders().contains("o-rollback"));
    }

    @Test
    void slowPathOrderIsCommittedByCheckBackFromTheTable() {
        assertThat(orderService.placeOrderSlowPath(new Order("o-slow", "bike", 40_000)).getLocalTransactionState())
            .isEqualTo(RocketMQLocalTransactionState.UNKNOWN);
        assertThat(orders.exists("o-slow")).isTrue();
        await().atMost(Duration.ofSeconds(20)).until(() -> paymentListener.paidOrders().contains("o-slow"));
    }

    @Test
    void checkBackWithoutRowRollsBack() {
        var stored = MessageBuilder.withPayload(new byte[0])
            .setHeader(RocketMQHeaders.prefixed(RocketMQHeaders.KEYS), "o-never-written").build();
        assertThat(transactionListener.checkLocalTransaction(stored)).isEqualTo(RocketMQLocalTransactionState.ROLLBACK);
    }
}
