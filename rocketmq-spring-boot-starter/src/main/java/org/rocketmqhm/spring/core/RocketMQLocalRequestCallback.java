package org.rocketmqhm.spring.core;

/**
 * Receives the reply of an asynchronous {@code sendAndReceive}.
 *
 * @param <T> reply payload type
 * @since 0.1.0
 */
public interface RocketMQLocalRequestCallback<T> {

    /** @param message the converted reply */
    void onSuccess(T message);

    /** @param e why no reply arrived (timeout, send failure, conversion failure) */
    void onException(Throwable e);
}
