package org.rocketmqhm.spring.support;

import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageExt;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.support.MessageBuilder;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Maps Spring {@link org.springframework.messaging.Message}s to client messages and back.
 *
 * <p>To the client: the body comes from {@link RocketMQMessageConverter#toBytes}; the tag from the destination, else
 * the {@code TAGS} header; {@code KEYS} (string or collection), {@code DELAY}, {@code FLAG} and {@code WAIT} headers
 * (with or without the {@code rocketmq_} prefix) set the matching attributes; other headers become user properties,
 * except Spring's {@code id}/{@code timestamp} and RocketMQ's reserved property names.
 *
 * <p>From the client: headers {@code rocketmq_KEYS}, {@code rocketmq_TAGS}, {@code rocketmq_TOPIC},
 * {@code rocketmq_MESSAGE_ID}, {@code rocketmq_QUEUE_ID}, {@code rocketmq_BORN_TIMESTAMP}, {@code rocketmq_BORN_HOST},
 * {@code rocketmq_FLAG}, {@code rocketmq_SYS_FLAG}, {@code rocketmq_TRANSACTION_ID}, {@code rocketmq_RECONSUME_TIMES},
 * {@code rocketmq_QUEUE_OFFSET}, plus every user property under its own name. Stateless.
 *
 * @since 0.1.0
 */
public final class RocketMQMessages {

    /** Property names the client or broker owns; a header with one of these names is never copied. */
    private static final Set<String> RESERVED = Set.of(MessageConst.PROPERTY_KEYS, MessageConst.PROPERTY_TAGS,
        MessageConst.PROPERTY_WAIT_STORE_MSG_OK, MessageConst.PROPERTY_DELAY_TIME_LEVEL,
        MessageConst.PROPERTY_RETRY_TOPIC, MessageConst.PROPERTY_REAL_TOPIC, MessageConst.PROPERTY_REAL_QUEUE_ID,
        MessageConst.PROPERTY_TRANSACTION_PREPARED, MessageConst.PROPERTY_PRODUCER_GROUP,
        MessageConst.PROPERTY_MIN_OFFSET, MessageConst.PROPERTY_MAX_OFFSET, MessageConst.PROPERTY_BUYER_ID,
        MessageConst.PROPERTY_ORIGIN_MESSAGE_ID, MessageConst.PROPERTY_TRANSFER_FLAG,
        MessageConst.PROPERTY_CORRECTION_FLAG, MessageConst.PROPERTY_MQ2_FLAG, MessageConst.PROPERTY_RECONSUME_TIME,
        MessageConst.PROPERTY_MSG_REGION, MessageConst.PROPERTY_TRACE_SWITCH,
        MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX, MessageConst.PROPERTY_MAX_RECONSUME_TIMES,
        MessageConst.PROPERTY_CONSUME_START_TIMESTAMP, MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET,
        MessageConst.PROPERTY_TRANSACTION_CHECK_TIMES, MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS,
        MessageConst.PROPERTY_INSTANCE_ID, MessageConst.PROPERTY_CORRELATION_ID,
        MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT, MessageConst.PROPERTY_MESSAGE_TTL,
        MessageConst.PROPERTY_REPLY_MESSAGE_ARRIVE_TIME, MessageConst.PROPERTY_PUSH_REPLY_TIME,
        MessageConst.PROPERTY_CLUSTER, MessageConst.PROPERTY_MESSAGE_TYPE);

    /** Headers that describe attributes rather than user properties. */
    private static final Set<String> ATTRIBUTE_HEADERS = Set.of(RocketMQHeaders.KEYS, RocketMQHeaders.TAGS,
        RocketMQHeaders.DELAY, RocketMQHeaders.FLAG, RocketMQHeaders.WAIT, RocketMQHeaders.TOPIC,
        RocketMQHeaders.MESSAGE_ID, RocketMQHeaders.QUEUE_ID, RocketMQHeaders.BORN_TIMESTAMP,
        RocketMQHeaders.BORN_HOST, RocketMQHeaders.TRANSACTION_ID, RocketMQHeaders.SYS_FLAG,
        RocketMQHeaders.RECONSUME_TIMES, RocketMQHeaders.QUEUE_OFFSET);

    private RocketMQMessages() {
    }

    /**
     * @param destination topic and optional tag
     * @param message the Spring message
     * @param converter body converter
     * @return a new client message
     */
    public static org.rocketmqhm.core.common.message.Message toClientMessage(RocketMQDestination destination,
            org.springframework.messaging.Message<?> message, RocketMQMessageConverter converter) {
        MessageHeaders headers = message.getHeaders();
        String tag = destination.tag() != null ? destination.tag() : stringHeader(headers, RocketMQHeaders.TAGS);
        org.rocketmqhm.core.common.message.Message out = new org.rocketmqhm.core.common.message.Message(
            destination.topic(), tag, null, converter.toBytes(message.getPayload()));
        Object keys = header(headers, RocketMQHeaders.KEYS);
        if (keys instanceof Collection<?> list) {
            String joined = list.stream().map(String::valueOf).filter(k -> !k.isBlank())
                .collect(Collectors.joining(MessageConst.KEY_SEPARATOR));
            if (!joined.isEmpty()) {
                out.setKeys(joined);
            }
        } else if (keys != null && !keys.toString().isBlank()) {
            out.setKeys(keys.toString());
        }
        String delay = stringHeader(headers, RocketMQHeaders.DELAY);
        if (delay != null && Integer.parseInt(delay.trim()) > 0) {
            out.setDelayTimeLevel(Integer.parseInt(delay.trim()));
        }
        String flag = stringHeader(headers, RocketMQHeaders.FLAG);
        if (flag != null) {
            out.setFlag(Integer.parseInt(flag.trim()));
        }
        String wait = stringHeader(headers, RocketMQHeaders.WAIT);
        if (wait != null) {
            out.setWaitStoreMsgOK(Boolean.parseBoolean(wait.trim()));
        }
        for (Map.Entry<String, Object> header : headers.entrySet()) {
            String name = header.getKey();
            if (isUserProperty(name) && header.getValue() != null && !header.getValue().toString().isBlank()) {
                out.putUserProperty(name, header.getValue().toString());
            }
        }
        return out;
    }

    /**
     * @param message a received message
     * @param payload the converted payload
     * @return a Spring message carrying the payload and the message's attributes as headers
     */
    public static <T> org.springframework.messaging.Message<T> toSpringMessage(MessageExt message, T payload) {
        MessageBuilder<T> builder = MessageBuilder.withPayload(payload);
        message.getProperties().forEach((name, value) -> {
            if (!RESERVED.contains(name)) {
                builder.setHeader(name, value);
            }
        });
        setIfPresent(builder, RocketMQHeaders.KEYS, message.getKeys());
        setIfPresent(builder, RocketMQHeaders.TAGS, message.getTags());
        setIfPresent(builder, RocketMQHeaders.TOPIC, message.getTopic());
        setIfPresent(builder, RocketMQHeaders.MESSAGE_ID, message.getMsgId());
        builder.setHeader(RocketMQHeaders.prefixed(RocketMQHeaders.QUEUE_ID), message.getQueueId());
        builder.setHeader(RocketMQHeaders.prefixed(RocketMQHeaders.QUEUE_OFFSET), message.getQueueOffset());
        builder.setHeader(RocketMQHeaders.prefixed(RocketMQHeaders.BORN_TIMESTAMP), message.getBornTimestamp());
        if (message.getBornHost() != null) {
            builder.setHeader(RocketMQHeaders.prefixed(RocketMQHeaders.BORN_HOST),
                message.getBornHost().getAddress().getHostAddress());
        }
        builder.setHeader(RocketMQHeaders.prefixed(RocketMQHeaders.FLAG), message.getFlag());
        builder.setHeader(RocketMQHeaders.prefixed(RocketMQHeaders.SYS_FLAG), message.getSysFlag());
        builder.setHeader(RocketMQHeaders.prefixed(RocketMQHeaders.RECONSUME_TIMES), message.getReconsumeTimes());
        setIfPresent(builder, RocketMQHeaders.TRANSACTION_ID, message.getUniqKey());
        return builder.build();
    }

    private static boolean isUserProperty(String name) {
        if (MessageHeaders.ID.equals(name) || MessageHeaders.TIMESTAMP.equals(name) || RESERVED.contains(name)) {
            return false;
        }
        String bare = name.startsWith(RocketMQHeaders.PREFIX) ? name.substring(RocketMQHeaders.PREFIX.length()) : name;
        return !ATTRIBUTE_HEADERS.contains(bare);
    }

    private static void setIfPresent(MessageBuilder<?> builder, String name, Object value) {
        if (value != null) {
            builder.setHeader(RocketMQHeaders.prefixed(name), value);
        }
    }

    private static Object header(MessageHeaders headers, String name) {
        Object value = headers.get(name);
        return value != null ? value : headers.get(RocketMQHeaders.prefixed(name));
    }

    private static String stringHeader(MessageHeaders headers, String name) {
        Object value = header(headers, name);
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
