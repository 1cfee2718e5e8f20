package org.rocketmqhm.core.protocol.body;

import org.rocketmqhm.core.protocol.ExpressionType;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A subscription of a topic by expression. For tag expressions ({@code "A || B"}, {@code "*"}) the tags and their
 * Java {@code String.hashCode()} codes are kept; the broker filters consume-queue entries by code.
 *
 * @since 0.1.0
 */
public record SubscriptionData(String topic, String subString, Set<String> tagsSet, Set<Integer> codeSet,
                               long subVersion, String expressionType, boolean classFilterMode) {

    public static final String SUB_ALL = "*";

    /** Builds a subscription, parsing a tag expression into tags and codes. */
    public static SubscriptionData of(String topic, String expression, String expressionType) {
        String type = expressionType == null ? ExpressionType.TAG : expressionType;
        String sub = expression == null || expression.isBlank() ? SUB_ALL : expression.trim();
        Set<String> tags = new LinkedHashSet<>();
        Set<Integer> codes = new LinkedHashSet<>();
        if (ExpressionType.isTag(type) && !SUB_ALL.equals(sub)) {
            for (String part : sub.split("\\|\\|")) {
                String tag = part.trim();
                if (!tag.isEmpty()) {
                    tags.add(tag);
                    codes.add(tag.hashCode());
                }
            }
            if (tags.isEmpty()) {
                sub = SUB_ALL;
            }
        }
        return new SubscriptionData(topic, sub, tags, codes, System.currentTimeMillis(), type, false);
    }

    /** @return whether every message matches (tag type with {@code *}) */
    public boolean matchesAll() {
        return ExpressionType.isTag(expressionType) && (subString == null || SUB_ALL.equals(subString));
    }
}
