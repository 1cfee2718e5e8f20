package org.rocketmqhm.core.protocol;

/**
 * Subscription expression languages.
 *
 * @since 0.1.0
 */
public final class ExpressionType {
    public static final String TAG = "TAG";
    public static final String SQL92 = "SQL92";

    private ExpressionType() {
    }

    /** @return whether the type (null meaning TAG) is a tag expression */
    public static boolean isTag(String type) {
        return type == null || type.isEmpty() || TAG.equals(type);
    }
}
