package org.rocketmqhm.samples.delayretry;

import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Service;

/**
 * Sends delayed reminders. RocketMQ 4.x brokers have 18 delay levels ({@code messageDelayLevel}, by default
 * {@code 1s 5s 10s 30s 1m 2m 3m 4m 5m 6m 7m 8m 9m 10m 20m 30m 1h 2h}); the message is held by the broker until the
 * level's time has passed. {@code syncSendDelayTimeSeconds} picks the level for a duration.
 */
@Service
public class ReminderSender {

    /** Topic of the reminders. */
    public static final String TOPIC = "reminders";

    private final RocketMQTemplate template;

    public ReminderSender(RocketMQTemplate template) {
        this.template = template;
    }

    /**
     * @param reminder   the reminder
     * @param delayLevel 1..18, see the broker's {@code messageDelayLevel}
     * @return the broker's answer
     */
    public SendResult send(Reminder reminder, int delayLevel) {
        return template.syncSend(TOPIC, MessageBuilder.withPayload(reminder).build(), 3000, delayLevel);
    }
}
