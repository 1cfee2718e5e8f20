package org.rocketmqhm.core.client.consumer;

import org.rocketmqhm.core.protocol.ExpressionType;

/**
 * What a subscription selects: a tag expression ({@code "A || B"}, {@code "*"}) or an SQL92 expression over
 * message properties (the broker must have {@code enablePropertyFilter=true}). Immutable.
 *
 * @param expressionType {@code TAG} or {@code SQL92}
 * @param expression the expression text
 * @since 0.1.0
 */
public record MessageSelector(String expressionType, String expression) {

    public static MessageSelector byTag(String tagExpression) {
        return new MessageSelector(ExpressionType.TAG, tagExpression == null ? "*" : tagExpression);
    }

    public static MessageSelector bySql(String sql) {
        return new MessageSelector(ExpressionType.SQL92, sql);
    }
}
