package org.rocketmqhm.core.protocol;

import java.util.Set;

/**
 * Names of the topics and groups the platform itself uses, and the rules for topic names.
 *
 * @since 0.1.0
 */
public final class SystemTopics {
    public static final String AUTO_CREATE_TOPIC_KEY = "TBW102";
    public static final String SCHEDULE_TOPIC = "SCHEDULE_TOPIC_XXXX";
    public static final String TRANS_HALF_TOPIC = "RMQ_SYS_TRANS_HALF_TOPIC";
    public static final String TRANS_OP_HALF_TOPIC = "RMQ_SYS_TRANS_OP_HALF_TOPIC";
    public static final String TRANS_CHECK_MAX_TIME_TOPIC = "TRANS_CHECK_MAX_TIME_TOPIC";
    public static final String OFFSET_MOVED_EVENT = "OFFSET_MOVED_EVENT";
    public static final String SELF_TEST_TOPIC = "SELF_TEST_TOPIC";
    public static final String BENCHMARK_TOPIC = "BenchmarkTest";
    public static final String TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
    public static final String REPLY_TOPIC_SUFFIX = "_REPLY_TOPIC";
    public static final String RETRY_GROUP_TOPIC_PREFIX = "%RETRY%";
    public static final String DLQ_GROUP_TOPIC_PREFIX = "%DLQ%";
    public static final String TRANS_SYSTEM_GROUP = "CID_RMQ_SYS_TRANS";
    public static final String CLIENT_INNER_PRODUCER_GROUP = "CLIENT_INNER_PRODUCER";
    public static final String TOOLS_CONSUMER_GROUP = "TOOLS_CONSUMER";
    public static final String DEFAULT_CLUSTER = "DefaultCluster";

    /** Longest topic name the stored layout can carry (one length byte). */
    public static final int TOPIC_MAX_LENGTH = 127;

    private static final Set<String> NOT_ALLOWED_TO_SEND = Set.of(SCHEDULE_TOPIC, TRANS_HALF_TOPIC,
        TRANS_OP_HALF_TOPIC, TRANS_CHECK_MAX_TIME_TOPIC, OFFSET_MOVED_EVENT, AUTO_CREATE_TOPIC_KEY);

    private static final Set<String> SYSTEM = Set.of(AUTO_CREATE_TOPIC_KEY, SCHEDULE_TOPIC, TRANS_HALF_TOPIC,
        TRANS_OP_HALF_TOPIC, TRANS_CHECK_MAX_TIME_TOPIC, OFFSET_MOVED_EVENT, SELF_TEST_TOPIC, BENCHMARK_TOPIC);

    private SystemTopics() {
    }

    public static String retryTopic(String group) {
        return RETRY_GROUP_TOPIC_PREFIX + group;
    }

    public static String dlqTopic(String group) {
        return DLQ_GROUP_TOPIC_PREFIX + group;
    }

    public static boolean isRetryTopic(String topic) {
        return topic != null && topic.startsWith(RETRY_GROUP_TOPIC_PREFIX);
    }

    public static boolean isDlqTopic(String topic) {
        return topic != null && topic.startsWith(DLQ_GROUP_TOPIC_PREFIX);
    }

    /** @return whether the topic is one the platform owns (clients may not create it) */
    public static boolean isSystemTopic(String topic) {
        return SYSTEM.contains(topic) || topic.startsWith("rmq_sys_") || topic.startsWith("RMQ_SYS_");
    }

    /** @return whether producers may not send to the topic directly */
    public static boolean isNotAllowedToSend(String topic) {
        return NOT_ALLOWED_TO_SEND.contains(topic);
    }

    /**
     * Checks a topic name: non-blank, at most 127 characters, only {@code %|a-zA-Z0-9_-}.
     *
     * @return why the name is invalid, or {@code null} when it is valid
     */
    public static String validateTopicName(String topic) {
        return invalidTopicReason(topic);
    }

    /**
     * @param topic a topic name a user passed in
     * @throws IllegalArgumentException with {@link #validateTopicName}'s reason when the name is invalid
     */
    public static void requireValidTopicName(String topic) {
        String invalid = invalidTopicReason(topic);
        if (invalid != null) {
            throw new IllegalArgumentException(invalid);
        }
    }

    private static String invalidTopicReason(String topic) {
        if (topic == null || topic.isBlank()) {
            return "the specified topic is blank";
        }
        if (topic.length() > TOPIC_MAX_LENGTH) {
            return "the specified topic is longer than topic max length " + TOPIC_MAX_LENGTH;
        }
        for (int i = 0; i < topic.length(); i++) {
            char c = topic.charAt(i);
            boolean legal = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || c == '%' || c == '|' || c == '_' || c == '-';
            if (!legal) {
                return "the specified topic[" + topic + "] contains illegal characters, allowing only ^[%|a-zA-Z0-9_-]+$";
            }
        }
        return null;
    }
}
