package org.rocketmqhm.samples.delayretry;

import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Receives reminders and keeps how long after sending each arrived (so that the sample's test can look). */
@Component
@RocketMQMessageListener(topic = ReminderSender.TOPIC, consumerGroup = "delay-reminder-listener")
public class ReminderListener implements RocketMQListener<Reminder> {

    private static final Logger log = LoggerFactory.getLogger(ReminderListener.class);

    private final Map<String, Long> delayById = new ConcurrentHashMap<>();

    @Override
    public void onMessage(Reminder reminder) {
        long delay = System.currentTimeMillis() - reminder.sentAt();
        log.info("reminder {} '{}' arrived {} ms after sending", reminder.id(), reminder.text(), delay);
        delayById.put(reminder.id(), delay);
    }

    /** @param id reminder id @return milliseconds between sending and receiving, or null if not received yet */
    public Long delayOf(String id) {
        return delayById.get(id);
    }
}
