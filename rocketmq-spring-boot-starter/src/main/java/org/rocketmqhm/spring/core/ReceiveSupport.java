package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.common.message.MessageExt;

import java.util.List;

/**
 * The pull consumer behind {@link RocketMQTemplate#receive}.
 *
 * @since 0.1.0
 */
public interface ReceiveSupport {

    /** Starts pulling. */
    void start();

    /** @param timeoutMillis wait at most this long; negative uses the configured poll timeout @return messages */
    List<MessageExt> poll(long timeoutMillis);

    /** Stops pulling and commits offsets. */
    void shutdown();
}
