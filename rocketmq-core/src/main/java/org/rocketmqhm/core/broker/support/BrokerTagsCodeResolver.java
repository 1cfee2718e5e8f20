package org.rocketmqhm.core.broker.support;

import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.store.TagsCodeResolver;

import java.util.Map;

/**
 * The broker's consume-queue tags-code policy (section 5.10): the TAGS hash, except in
 * {@code SCHEDULE_TOPIC_XXXX} where it is the delivery time = store time + the DELAY level's delay. Applied by the
 * store at dispatch and recovery, so it depends only on the stored record. Immutable.
 *
 * @since 0.1.0
 */
public final class BrokerTagsCodeResolver implements TagsCodeResolver {

    private final DelayLevels delayLevels;

    public BrokerTagsCodeResolver(DelayLevels delayLevels) {
        this.delayLevels = delayLevels;
    }

    @Override
    public long tagsCode(String topic, int sysFlag, Map<String, String> properties, long storeTimestamp) {
        if (SystemTopics.SCHEDULE_TOPIC.equals(topic)) {
            String level = properties.get(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
            if (level != null) {
                try {
                    int n = Integer.parseInt(level.trim());
                    if (n > 0) {
                        return storeTimestamp + delayLevels.delayMillis(n);
                    }
                } catch (NumberFormatException e) {
                    return storeTimestamp;
                }
            }
        }
        return TAG_HASH.tagsCode(topic, sysFlag, properties, storeTimestamp);
    }
}
