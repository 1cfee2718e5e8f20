package org.rocketmqhm.spring.support;

/**
 * A send destination: {@code topic} or {@code topic:tag}. Immutable.
 *
 * @param topic topic name
 * @param tag tag, or {@code null} when none was given
 * @since 0.1.0
 */
public record RocketMQDestination(String topic, String tag) {

    /**
     * Parses {@code topic} or {@code topic:tag}; surrounding blanks are trimmed and an empty tag means none.
     *
     * @param destination the destination string
     * @return the parsed destination
     * @throws IllegalArgumentException when the destination or its topic is empty
     */
    public static RocketMQDestination parse(String destination) {
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("destination must not be empty; use 'topic' or 'topic:tag'");
        }
        int colon = destination.indexOf(':');
        String topic = (colon < 0 ? destination : destination.substring(0, colon)).trim();
        if (topic.isEmpty()) {
            throw new IllegalArgumentException("destination '" + destination + "' has no topic");
        }
        String tag = colon < 0 ? null : destination.substring(colon + 1).trim();
        return new RocketMQDestination(topic, tag == null || tag.isEmpty() ? null : tag);
    }

    @Override
    public String toString() {
        return tag == null ? topic : topic + ":" + tag;
    }
}
