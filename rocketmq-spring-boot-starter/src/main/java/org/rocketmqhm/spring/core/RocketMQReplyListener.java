package org.rocketmqhm.spring.core;

/**
 * Answers request messages sent with {@code RocketMQTemplate.sendAndReceive}: the returned value is converted and
 * sent back to the requester as the reply.
 *
 * @param <T> request payload type
 * @param <R> reply payload type
 * @since 0.1.0
 */
@FunctionalInterface
public interface RocketMQReplyListener<T, R> {

    /** @param message the request @return the reply; {@code null} sends no reply */
    R onMessage(T message);
}
