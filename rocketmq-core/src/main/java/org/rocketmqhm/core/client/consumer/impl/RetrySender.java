package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.client.ClientConfig;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.Map;

/**
 * Hands a failed message back for redelivery (§5.6): CONSUMER_SEND_MSG_BACK (the caller's delay level) to the broker it came
 * from; when that fails, a copy produced to {@code %RETRY%group} by an inner producer (created on first use, own
 * instance name) with RETRY_TOPIC, ORIGIN_MESSAGE_ID, RECONSUME_TIME, MAX_RECONSUME_TIMES and DELAY = 3 + n.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class RetrySender {

    private static final Logger log = LoggerFactory.getLogger(RetrySender.class);

    private final ConsumerBrokerApi api;
    private final String group;
    private final ClientConfig config;
    private volatile Producer innerProducer;

    public RetrySender(ConsumerBrokerApi api, String group, ClientConfig config) {
        this.api = api;
        this.group = group;
        this.config = config;
    }

    /**
     * @param delayLevel level of the redelivery as the broker reads it: -1 straight to the DLQ, 0 broker's choice
     *                   ({@code 3 + reconsumeTimes}), &gt; 0 that level
     * @return true if the broker or the retry topic accepted the message
     */
    public boolean sendBack(MessageExt message, String brokerName, int maxReconsumeTimes, int delayLevel) {
        if (api.sendBack(message, brokerName, maxReconsumeTimes, delayLevel)) {
            return true;
        }
        return resend(message, maxReconsumeTimes, delayLevel > 0 ? delayLevel : 3 + message.getReconsumeTimes());
    }

    /** Produces a copy to {@code %RETRY%group}; {@code delayLevel} 0 means immediately visible. */
    public boolean resend(MessageExt message, int maxReconsumeTimes, int delayLevel) {
        try {
            Message copy = new Message(SystemTopics.retryTopic(group), message.getBody());
            Map<String, String> properties = new HashMap<>(message.getProperties());
            properties.remove(MessageConst.PROPERTY_TRANSACTION_PREPARED);
            properties.putIfAbsent(MessageConst.PROPERTY_RETRY_TOPIC, api.withNamespace(message.getTopic()));
            properties.putIfAbsent(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID, message.getMsgId());
            properties.put(MessageConst.PROPERTY_RECONSUME_TIME, String.valueOf(message.getReconsumeTimes() + 1));
            properties.put(MessageConst.PROPERTY_MAX_RECONSUME_TIMES, String.valueOf(maxReconsumeTimes));
            if (delayLevel > 0) {
                properties.put(MessageConst.PROPERTY_DELAY_TIME_LEVEL, String.valueOf(delayLevel));
            } else {
                properties.remove(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
            }
            copy.setProperties(properties);
            copy.setFlag(message.getFlag());
            producer().send(copy);
            return true;
        } catch (RuntimeException e) {
            log.warn("resending {} to the retry topic of {} failed: {}", message.getMsgId(), group, e.toString());
            return false;
        }
    }

    private Producer producer() {
        Producer p = innerProducer;
        if (p == null) {
            synchronized (this) {
                if (innerProducer == null) {
                    Producer created = new Producer(SystemTopics.CLIENT_INNER_PRODUCER_GROUP, config);
                    created.setInstanceName(config.getInstanceName() + "-inner-" + Math.abs(group.hashCode()));
                    created.start();
                    innerProducer = created;
                }
                p = innerProducer;
            }
        }
        return p;
    }

    public synchronized void shutdown() {
        if (innerProducer != null) {
            innerProducer.shutdown();
            innerProducer = null;
        }
    }
}
