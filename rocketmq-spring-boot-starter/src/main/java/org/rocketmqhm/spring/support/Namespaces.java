package org.rocketmqhm.spring.support;

/**
 * Applies a namespace to topic and group names the way RocketMQ clients do: {@code namespace%name}, retry/DLQ names
 * {@code %RETRY%namespace%group}; system names and names already carrying the prefix are left alone. Delegates to
 * the client's {@link org.rocketmqhm.core.common.Namespaces}, so the starter and the client agree.
 *
 * @since 0.1.0
 */
public final class Namespaces {

    private Namespaces() {
    }

    /**
     * @param namespace namespace, may be null or empty
     * @param name topic or group
     * @return the wrapped name
     */
    public static String wrap(String namespace, String name) {
        return org.rocketmqhm.core.common.Namespaces.wrap(namespace, name);
    }

    /**
     * @param namespace namespace, may be null or empty
     * @param name a possibly wrapped topic or group
     * @return the name without the namespace prefix
     */
    public static String unwrap(String namespace, String name) {
        return org.rocketmqhm.core.common.Namespaces.unwrap(name, namespace);
    }
}
