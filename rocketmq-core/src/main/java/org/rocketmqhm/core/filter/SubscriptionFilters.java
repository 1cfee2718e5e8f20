package org.rocketmqhm.core.filter;

import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import org.rocketmqhm.core.protocol.ExpressionType;

/**
 * Builds {@link SubscriptionFilter}s from a subscription's (expressionType, subString, codeSet), as carried by
 * heartbeats ({@code SubscriptionData}) or by PULL_MESSAGE headers. Thread-safe.
 *
 * @since 0.1.0
 */
public final class SubscriptionFilters {

    /** The TAG expression matching every message. */
    public static final String SUB_ALL = "*";

    private SubscriptionFilters() {
    }

    /**
     * @param expressionType {@code TAG} (also null or empty) or {@code SQL92}
     * @param subString the expression: TAG {@code "A || B"} or {@code *} (null/blank = all); SQL92 the expression
     * @param codeSet for TAG, the tag hash codes computed by the client (may be null)
     * @return the filter
     * @throws FilterException when the type is unknown or the SQL92 expression does not compile (the broker answers
     *     {@code SUBSCRIPTION_PARSE_FAILED})
     */
    public static SubscriptionFilter of(String expressionType, String subString, Collection<Integer> codeSet) {
        if (ExpressionType.isTag(expressionType)) {
            return tag(subString, codeSet);
        }
        if (ExpressionType.SQL92.equals(expressionType)) {
            return sql92(subString);
        }
        throw new FilterException("unsupported expression type '" + expressionType + "'", -1);
    }

    /**
     * @param subString the TAG expression ({@code *}, null or blank = all)
     * @param codeSet the tag hash codes (may be null)
     * @return a tag-code filter
     */
    public static SubscriptionFilter tag(String subString, Collection<Integer> codeSet) {
        if (subString == null || subString.isBlank() || SUB_ALL.equals(subString.trim())) {
            return SubscriptionFilter.ALL;
        }
        int[] codes = codeSet == null ? new int[0]
                : codeSet.stream().filter(c -> c != null).mapToInt(Integer::intValue).sorted().distinct().toArray();
        return new TagFilter(subString, codes);
    }

    /**
     * @param expression the SQL92 expression
     * @return a property filter (compiled through the shared cache)
     * @throws FilterException when the expression does not compile
     */
    public static SubscriptionFilter sql92(String expression) {
        return new SqlFilter(SqlExpression.compile(expression));
    }

    /** TAG subscription: binary search over the sorted, de-duplicated hash codes (no boxing per message). */
    private record TagFilter(String subString, int[] codes) implements SubscriptionFilter {
        @Override
        public boolean matchesTagsCode(long tagsCode) {
            return Arrays.binarySearch(codes, (int) tagsCode) >= 0;
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
            return "TAG(" + subString + ")";
        }
    }

    /** SQL92 subscription: every tags code passes, the properties decide. */
    private record SqlFilter(SqlExpression expression) implements SubscriptionFilter {
        @Override
        public boolean matchesTagsCode(long tagsCode) {
            return true;
        }

        @Override
        public boolean matchesProperties(Map<String, String> properties) {
            return expression.evaluate(properties);
        }

        @Override
        public boolean needsProperties() {
            return true;
        }

        @Override
        public String toString() {
            return "SQL92(" + expression.text() + ")";
        }
    }
}
