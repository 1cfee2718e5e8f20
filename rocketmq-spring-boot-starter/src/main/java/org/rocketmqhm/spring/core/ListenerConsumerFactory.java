package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.spring.support.ListenerEndpoint;

/**
 * Creates the push consumer of a listener container. The handler is called once per message on a consumer
 * thread; it throws to ask for redelivery.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ListenerConsumerFactory {

    /**
     * @param endpoint resolved listener settings
     * @param handler called per message; throwing means "retry later"
     * @return a consumer, not started
     */
    ListenerConsumer create(ListenerEndpoint endpoint, MessageHandler handler);

    /** Handles one delivered message. */
    @FunctionalInterface
    interface MessageHandler {

        /** @param message the delivered message @throws RuntimeException to have it redelivered later */
        void handle(MessageExt message);
    }
}
