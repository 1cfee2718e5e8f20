package org.rocketmqhm.samples.ordered;

import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.springframework.stereotype.Service;

/**
 * Sends order steps to the {@code order-steps} topic. The order id is the hash key of {@code syncSendOrderly}: all
 * steps of an order go to the same queue, in the order they are sent (different orders may share a queue).
 */
@Service
public class OrderStepSender {

    /** Topic of the sample. */
    public static final String TOPIC = "order-steps";

    private final RocketMQTemplate template;

    public OrderStepSender(RocketMQTemplate template) {
        this.template = template;
    }

    /** @param step the step @return the broker's answer */
    public SendResult send(OrderStep step) {
        return template.syncSendOrderly(TOPIC, step, step.orderId());
    }
}
