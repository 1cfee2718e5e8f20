package org.rocketmqhm.spring.support;

/**
 * Applies a namespace to topic and group names the way RocketMQ clients do: {@code namespace%name}. System names
 * (starting with {@code %} or {@code rmq_sys_}) and names already carrying the prefix are left alone.
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
        if (namespace == null || namespace.isEmpty() || name == null || name.startsWith("%")
            || name.startsWith("rmq_sys_") || name.startsWith(namespace + "%")) {
            return name;
        }
        return namespace + "%" + name;
    }

    /**
     * @param namespace namespace, may be null or empty
     * @param name a possibly wrapped topic or group
     * @return the name without the namespace prefix
     */
    public static String unwrap(String namespace, String name) {
        if (namespace == null || namespace.isEmpty() || name == null || !name.startsWith(namespace + "%")) {
            return name;
        }
        return name.substring(namespace.length() + 1);
    }
}
