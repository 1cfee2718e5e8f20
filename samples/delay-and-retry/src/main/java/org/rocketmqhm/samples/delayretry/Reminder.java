package org.rocketmqhm.samples.delayretry;

/**
 * A reminder, sent as JSON.
 *
 * @param id     reminder id
 * @param text   what to remember
 * @param sentAt when it was sent (epoch milliseconds)
 */
public record Reminder(String id, String text, long sentAt) {
}
