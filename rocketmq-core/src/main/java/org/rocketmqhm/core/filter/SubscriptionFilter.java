package org.rocketmqhm.core.filter;

import java.util.Map;

/**
 * What the broker's pull path asks of a consumer subscription, in two stages: first the consume-queue tags code
 * (cheap, before reading the commit log), then the message properties (only when {@link #needsProperties()}).
 * Store-independent: the broker adapts it to the store's filter interface. Implementations are immutable and
 * thread-safe, and do not allocate per message. Build instances with {@link SubscriptionFilters}.
 *
 * @since 0.1.0
 */
public interface SubscriptionFilter {

    /** Accepts everything. */
    SubscriptionFilter ALL = new SubscriptionFilter() {
        @Override
        public boolean matchesTagsCode(long tagsCode) {
            return true;
        }

        @Override
        public boolean matchesProperties(Map<String, String> properties) {
            return true;
        }

        @Override
        public boolean needsProperties() {
            return false;
        }

        @Override
        public String toString() {
            return "ALL";
        }
    };

    /**
     * @param tagsCode the consume-queue tags code ({@code String.hashCode()} of the TAGS value, 0 without a tag)
     * @return whether the entry may match (TAG: {@code *} or the code set contains {@code (int) tagsCode};
     *     SQL92: always)
     */
    boolean matchesTagsCode(long tagsCode);

    /**
     * @param properties the stored message's properties
     * @return whether the message matches (TAG: always; SQL92: the expression evaluates to TRUE)
     */
    boolean matchesProperties(Map<String, String> properties);

    /** @return whether {@link #matchesProperties} can reject anything (so the caller must decode properties) */
    boolean needsProperties();
}
