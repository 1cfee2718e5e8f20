package org.rocketmqhm.spring.annotation;

/**
 * How a listener's {@code selectorExpression} filters messages on the broker.
 *
 * @since 0.1.0
 */
public enum SelectorType {

    /** Tag expression such as {@code "*"} or {@code "tagA || tagB"}. */
    TAG,

    /** SQL92 expression over message properties such as {@code "a > 5 AND b = 'x'"}; the broker must enable it. */
    SQL92
}
