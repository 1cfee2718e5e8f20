package org.rocketmqhm.samples.transaction;

import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Takes payment for committed orders; keeps the order ids it charged (so that the sample's test can look).
 * Delivery is at least once (a transaction can be checked back, and committed, more than once), so the listener is
 * idempotent: an order already charged is skipped.
 */
@Component
@RocketMQMessageListener(topic = OrderService.TOPIC, consumerGroup = "transaction-payment-listener")
public class PaymentListener implements RocketMQListener<OrderCreated> {

    private static final Logger log = LoggerFactory.getLogger(PaymentListener.class);

    private final Set<String> paidOrders = ConcurrentHashMap.newKeySet();

    @Override
    public void onMessage(OrderCreated event) {
        if (!paidOrders.add(event.orderId())) {
            log.info("order {} already charged, duplicate delivery ignored", event.orderId());
            return;
        }
        log.info("charging {} cents for order {}", event.amount(), event.orderId());
    }

    /** @return ids of the orders charged so far */
    public Set<String> paidOrders() {
        return paidOrders;
    }
}
