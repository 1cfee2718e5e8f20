package org.rocketmqhm.samples.ordered;

import org.rocketmqhm.spring.annotation.ConsumeMode;
import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Consumes order steps in order ({@code ORDERLY}: a queue's messages are handed to one thread at a time, in queue
 * order) and keeps each order's steps as received (so that the sample's test can look).
 */
@Component
@RocketMQMessageListener(topic = OrderStepSender.TOPIC, consumerGroup = "ordered-step-listener",
    consumeMode = ConsumeMode.ORDERLY)
public class OrderStepListener implements RocketMQListener<OrderStep> {

    private static final Logger log = LoggerFactory.getLogger(OrderStepListener.class);

    private final Map<String, List<Step>> stepsByOrder = new ConcurrentHashMap<>();

    @Override
    public void onMessage(OrderStep step) {
        log.info("order {} is {}", step.orderId(), step.step());
        stepsByOrder.computeIfAbsent(step.orderId(), id -> new CopyOnWriteArrayList<>()).add(step.step());
    }

    /** @param orderId order id @return the order's steps in the order received */
    public List<Step> steps(String orderId) {
        return stepsByOrder.getOrDefault(orderId, List.of());
    }
}
