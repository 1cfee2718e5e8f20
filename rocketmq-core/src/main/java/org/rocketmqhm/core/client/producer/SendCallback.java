package org.rocketmqhm.core.client.producer;

/**
 * Callback of an asynchronous send; runs on a client thread, must not block for long.
 *
 * @since 0.1.0
 */
public interface SendCallback {

    void onSuccess(SendResult result);

    void onException(Throwable error);
}
