package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.filter.SubscriptionFilter;
import org.rocketmqhm.core.store.MessageFilter;

import java.nio.ByteBuffer;

/**
 * Adapts a subscription filter to the store's two-stage read filter: tag codes on consume-queue entries, then
 * (for property filters such as SQL92 only) the stored record's properties. Immutable.
 *
 * @since 0.1.0
 */
final class PullFilter implements MessageFilter {

    private final SubscriptionFilter filter;

    PullFilter(SubscriptionFilter filter) {
        this.filter = filter;
    }

    static MessageFilter of(SubscriptionFilter filter) {
        return filter == SubscriptionFilter.ALL ? MessageFilter.ALL : new PullFilter(filter);
    }

    @Override
    public boolean matchesTagsCode(long tagsCode) {
        return filter.matchesTagsCode(tagsCode);
    }

    @Override
    public boolean matchesRecord(ByteBuffer record) {
        return !filter.needsProperties() || filter.matchesProperties(MessageDecoder.decodeProperties(record, 0));
    }
}
