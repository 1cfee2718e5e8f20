package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** CHECK_TRANSACTION_STATE request (broker to producer). */
public record CheckTransactionStateRequestHeader(
        @Required Long tranStateTableOffset,
        @Required Long commitLogOffset,
        String msgId,
        String transactionId,
        String offsetMsgId,
        String bname) {
}
