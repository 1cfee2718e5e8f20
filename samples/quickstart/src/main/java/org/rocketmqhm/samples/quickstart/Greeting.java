package org.rocketmqhm.samples.quickstart;

/**
 * The message payload, sent as JSON.
 *
 * @param from sender name
 * @param text greeting text
 */
public record Greeting(String from, String text) {
}
