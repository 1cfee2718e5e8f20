package org.rocketmqhm.core.client.producer;

import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.protocol.SystemTopics;

/**
 * Builds the reply to a request message (§5.19): topic {@code <CLUSTER>_REPLY_TOPIC}, {@code MSG_TYPE=reply} and
 * the request's correlation properties. Send it with any started {@link Producer}.
 *
 * @since 0.1.0
 */
public final class ReplyMessages {

    private ReplyMessages() {
    }

    /** @return a reply message to the given request carrying the body */
    public static Message reply(Message request, byte[] body) {
        String cluster = request.getProperty(MessageConst.PROPERTY_CLUSTER);
        if (cluster == null) {
            throw new IllegalArgumentException("the request has no CLUSTER property; was it delivered by a broker?");
        }
        Message reply = new Message(cluster + SystemTopics.REPLY_TOPIC_SUFFIX, body);
        reply.putProperty(MessageConst.PROPERTY_MESSAGE_TYPE, MessageConst.REPLY_MESSAGE_FLAG);
        reply.putProperty(MessageConst.PROPERTY_CORRELATION_ID, request.getProperty(MessageConst.PROPERTY_CORRELATION_ID));
        reply.putProperty(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT,
            request.getProperty(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT));
        reply.putProperty(MessageConst.PROPERTY_MESSAGE_TTL, request.getProperty(MessageConst.PROPERTY_MESSAGE_TTL));
        return reply;
    }
}
