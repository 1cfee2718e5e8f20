package org.rocketmqhm.spring.core;

/**
 * Receives the messages of a {@code @RocketMQMessageListener}. {@code T} may be {@code String}, {@code byte[]}, a
 * POJO or generic type (read as JSON with the application's {@code ObjectMapper}), the client's {@code MessageExt},
 * or Spring's {@code Message<X>}. Throwing means "retry later": the message is redelivered according to the
 * listener's {@code maxReconsumeTimes}. Called from consumer threads; must be thread-safe when concurrent.
 *
 * @param <T> payload type
 * @since 0.1.0
 */
@FunctionalInterface
public interface RocketMQListener<T> {

    /** @param message the converted message */
    void onMessage(T message);
}
