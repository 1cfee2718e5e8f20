package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.client.ConsumerRegistry;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.filter.FilterException;
import org.rocketmqhm.core.filter.SubscriptionFilter;
import org.rocketmqhm.core.filter.SubscriptionFilters;
import org.rocketmqhm.core.protocol.ExpressionType;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.SubscriptionData;
import org.rocketmqhm.core.store.MessageFilter;

import java.nio.ByteBuffer;
import java.util.Map;

/**
 * The read filter of a {@code %RETRY%<group>} pull when the broker runs with {@code filterSupportRetry=true}
 * (section 5.10): consume-queue entries are matched by the retry subscription itself (usually {@code *}); each
 * stored record is then matched by the group's SQL92 subscription of the record's original topic (property
 * {@code RETRY_TOPIC}) as registered by heartbeat. A record without {@code RETRY_TOPIC}, or whose original topic
 * the group subscribes by TAG (or not at all), matches. Immutable; the subscription is looked up per record, so a
 * changed SQL92 expression applies to messages already waiting in the retry topic.
 *
 * @since 0.4.0
 */
final class RetryPullFilter implements MessageFilter {

    private final MessageFilter retrySubscription;
    private final ConsumerRegistry consumers;
    private final String group;

    private RetryPullFilter(MessageFilter retrySubscription, ConsumerRegistry consumers, String group) {
        this.retrySubscription = retrySubscription;
        this.consumers = consumers;
        this.group = group;
    }

    /**
     * @param retryTopic the pulled topic, {@code %RETRY%<group>}
     * @param retrySubscription the filter of the retry subscription itself
     */
    static MessageFilter of(String retryTopic, MessageFilter retrySubscription, ConsumerRegistry consumers) {
        String group = retryTopic.substring(SystemTopics.RETRY_GROUP_TOPIC_PREFIX.length());
        return new RetryPullFilter(retrySubscription, consumers, group);
    }

    @Override
    public boolean matchesTagsCode(long tagsCode) {
        return retrySubscription.matchesTagsCode(tagsCode);
    }

    @Override
    public boolean matchesRecord(ByteBuffer record) {
        Map<String, String> properties = MessageDecoder.decodeProperties(record, 0);
        String realTopic = properties.get(MessageConst.PROPERTY_RETRY_TOPIC);
        if (realTopic == null) {
            return true;
        }
        SubscriptionData sub = consumers.subscription(group, realTopic);
        if (sub == null || sub.expressionType() == null || ExpressionType.isTag(sub.expressionType())) {
            return true;
        }
        SubscriptionFilter filter;
        try {
            filter = SubscriptionFilters.of(sub.expressionType(), sub.subString(), null);
        } catch (FilterException e) {
            return true;
        }
        return filter.matchesProperties(properties);
    }
}
