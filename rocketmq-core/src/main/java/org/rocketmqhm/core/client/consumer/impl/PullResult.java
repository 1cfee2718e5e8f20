package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.common.message.MessageExt;

import java.util.List;

/**
 * One pull's outcome: status, where to pull next, the queue bounds, and the messages that passed the client-side
 * tag re-check (retry messages already carry their original topic).
 */
public record PullResult(PullStatus status, long nextBeginOffset, long minOffset, long maxOffset,
                         List<MessageExt> messages) {
}
