package org.rocketmqhm.spring.support;

/**
 * Names of the Spring message headers that carry RocketMQ message attributes. On send, {@link #KEYS},
 * {@link #TAGS}, {@link #DELAY}, {@link #FLAG} and {@link #WAIT} are read with or without the {@link #PREFIX}; other
 * headers become user properties. On receive, attributes are exposed as {@code PREFIX + name} (for example
 * {@code rocketmq_MESSAGE_ID}) and user properties under their own names.
 *
 * @since 0.1.0
 */
public final class RocketMQHeaders {

    /** Prefix of the headers built from message attributes on receive. */
    public static final String PREFIX = "rocketmq_";
    /** Message keys: a string (space separated) or a collection of strings. */
    public static final String KEYS = "KEYS";
    /** Message tag. */
    public static final String TAGS = "TAGS";
    /** Topic. */
    public static final String TOPIC = "TOPIC";
    /** Client-side unique message id. */
    public static final String MESSAGE_ID = "MESSAGE_ID";
    /** Queue id. */
    public static final String QUEUE_ID = "QUEUE_ID";
    /** Producer's timestamp in epoch milliseconds. */
    public static final String BORN_TIMESTAMP = "BORN_TIMESTAMP";
    /** Producer's address. */
    public static final String BORN_HOST = "BORN_HOST";
    /** Application-defined integer flag. */
    public static final String FLAG = "FLAG";
    /** Transaction id of a transactional message. */
    public static final String TRANSACTION_ID = "TRANSACTION_ID";
    /** Delay level (1-18). */
    public static final String DELAY = "DELAY";
    /** Whether the broker waits for the store before answering. */
    public static final String WAIT = "WAIT";
    /** System flag of a received message. */
    public static final String SYS_FLAG = "SYS_FLAG";
    /** Times a received message has been redelivered. */
    public static final String RECONSUME_TIMES = "RECONSUME_TIMES";
    /** Offset of a received message in its queue. */
    public static final String QUEUE_OFFSET = "QUEUE_OFFSET";

    private RocketMQHeaders() {
    }

    /** @param name attribute name @return the receive-side header name */
    public static String prefixed(String name) {
        return PREFIX + name;
    }
}
