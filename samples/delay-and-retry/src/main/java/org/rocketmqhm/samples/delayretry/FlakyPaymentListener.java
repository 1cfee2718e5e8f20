package org.rocketmqhm.samples.delayretry;

import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A listener whose downstream service fails twice per payment and then works. Throwing from {@code onMessage} means
 * "retry later": the message goes to the group's retry topic and comes back after a growing delay, with
 * {@link MessageExt#getReconsumeTimes()} counting the redeliveries. After {@code maxReconsumeTimes} failures
 * (here 5) it would go to the dead letter topic {@code %DLQ%delay-flaky-payment-listener}.
 */
@Component
@RocketMQMessageListener(topic = FlakyPaymentListener.TOPIC, consumerGroup = "delay-flaky-payment-listener",
    maxReconsumeTimes = 5)
public class FlakyPaymentListener implements RocketMQListener<MessageExt> {

    /** Topic of the payments. */
    public static final String TOPIC = "payments";

    /** Failures before the downstream service works. */
    public static final int FAILURES = 2;

    private static final Logger log = LoggerFactory.getLogger(FlakyPaymentListener.class);

    private final Map<String, List<Long>> attemptTimes = new ConcurrentHashMap<>();

    private final Map<String, Integer> succeededAtReconsume = new ConcurrentHashMap<>();

    @Override
    public void onMessage(MessageExt message) {
        String payment = new String(message.getBody(), StandardCharsets.UTF_8);
        List<Long> attempts = attemptTimes.computeIfAbsent(payment, p -> new CopyOnWriteArrayList<>());
        attempts.add(System.currentTimeMillis());
        if (attempts.size() <= FAILURES) {
            log.info("payment {} attempt {} (reconsume times {}): service unavailable", payment, attempts.size(),
                message.getReconsumeTimes());
            throw new IllegalStateException("payment service unavailable, retry later");
        }
        log.info("payment {} done on attempt {} (reconsume times {})", payment, attempts.size(),
            message.getReconsumeTimes());
        succeededAtReconsume.put(payment, message.getReconsumeTimes());
    }

    /** @param payment payment body @return times of every delivery attempt (epoch milliseconds) */
    public List<Long> attempts(String payment) {
        return attemptTimes.getOrDefault(payment, List.of());
    }

    /** @param payment payment body @return the reconsume count of the successful delivery, or null */
    public Integer succeededAtReconsume(String payment) {
        return succeededAtReconsume.get(payment);
    }
}
