package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** END_TRANSACTION request; commitOrRollback 0 unknown, 8 commit, 12 rollback. */
public record EndTransactionRequestHeader(
        @Required String producerGroup,
        @Required Long tranStateTableOffset,
        @Required Long commitLogOffset,
        @Required Integer commitOrRollback,
        Boolean fromTransactionCheck,
        @Required String msgId,
        String transactionId,
        String bname) {
}
