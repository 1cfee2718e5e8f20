package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.body.MessageQueue;

import java.util.List;

/** Runs the listener over newly pulled messages of one queue. Thread-safe. */
public interface ConsumeService {

    /** Called by the pull loop after the messages were added to the process queue. */
    void submit(MessageQueue queue, ProcessQueue processQueue, List<MessageExt> messages);

    /**
     * Stops taking work and waits up to {@code awaitMillis} for queued and in-flight listener calls, then
     * interrupts what is left.
     */
    void shutdown(long awaitMillis);
}
