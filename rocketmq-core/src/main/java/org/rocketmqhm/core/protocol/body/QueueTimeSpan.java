package org.rocketmqhm.core.protocol.body;

/**
 * One queue in QueryConsumeTimeSpanBody: store times of the first and last message, of the last consumed one,
 * and how long the next unconsumed message has been waiting (0 when caught up). Times in ms.
 *
 * @since 0.3.0
 */
public record QueueTimeSpan(MessageQueue messageQueue, long minTimeStamp, long maxTimeStamp, long consumeTimeStamp,
                            long delayTime) {
}
