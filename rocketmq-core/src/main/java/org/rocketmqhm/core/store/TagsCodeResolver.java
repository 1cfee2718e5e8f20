package org.rocketmqhm.core.store;

import java.util.Map;
import org.rocketmqhm.core.common.message.MessageConst;

/**
 * Computes a record's consume-queue tags code when the record is dispatched (live and during recovery), so
 * consume queues can always be rebuilt from the commit log alone. The broker supplies the policy (e.g. delivery
 * time for the schedule topic); the default is the TAGS hash of section 5.10.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface TagsCodeResolver {

    /** String hash of TAGS, sign-extended; 0 without tags. */
    TagsCodeResolver TAG_HASH = (topic, sysFlag, properties, storeTimestamp) -> {
        String tags = properties.get(MessageConst.PROPERTY_TAGS);
        return tags == null || tags.isEmpty() ? 0 : tags.hashCode();
    };

    /**
     * @param topic topic
     * @param sysFlag record sysFlag
     * @param properties record properties
     * @param storeTimestamp record store timestamp
     * @return tags code
     */
    long tagsCode(String topic, int sysFlag, Map<String, String> properties, long storeTimestamp);
}
