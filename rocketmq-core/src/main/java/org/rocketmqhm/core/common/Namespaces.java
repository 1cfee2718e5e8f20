package org.rocketmqhm.core.common;

import org.rocketmqhm.core.protocol.SystemTopics;

import java.util.Set;

/**
 * Client-side namespaces, compatible with Apache RocketMQ 4.9.x: a client with namespace {@code ns} names topic
 * {@code t} on the wire {@code ns%t} and group {@code g} {@code ns%g}; retry and dead-letter topics keep their
 * prefix in front ({@code %RETRY%ns%g}, {@code %DLQ%ns%g}). Platform resources (system topics such as
 * {@code TBW102}, {@code SCHEDULE_TOPIC_XXXX}, {@code RMQ_SYS_TRACE_TOPIC}, anything starting with
 * {@code rmq_sys_}, and groups starting with {@code CID_RMQ_SYS_}) are never wrapped. Brokers and name servers
 * know nothing of namespaces: this is pure string handling. Stateless and thread-safe.
 *
 * @since 0.2.0
 */
public final class Namespaces {

    /** Separates the namespace from the resource name. */
    public static final char SEPARATOR = '%';

    private static final String SYSTEM_GROUP_PREFIX = "CID_RMQ_SYS_";
    private static final Set<String> SYSTEM_TOPICS = Set.of(SystemTopics.AUTO_CREATE_TOPIC_KEY,
        SystemTopics.SCHEDULE_TOPIC, SystemTopics.TRANS_HALF_TOPIC, SystemTopics.TRANS_OP_HALF_TOPIC,
        SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, SystemTopics.OFFSET_MOVED_EVENT, SystemTopics.SELF_TEST_TOPIC,
        SystemTopics.BENCHMARK_TOPIC, SystemTopics.TRACE_TOPIC);

    private Namespaces() {
    }

    /**
     * @param namespace the namespace, may be null or empty (then nothing changes)
     * @param resource a topic or group name as the user wrote it, possibly a retry or DLQ topic
     * @return the name on the wire
     */
    public static String wrap(String namespace, String resource) {
        if (isEmpty(namespace) || isEmpty(resource) || isSystemResource(resource)
            || isWrapped(resource, namespace)) {
            return resource;
        }
        String prefix = typePrefix(resource);
        return prefix + namespace + SEPARATOR + resource.substring(prefix.length());
    }

    /**
     * Strips the given namespace; a resource in another namespace (or none) is returned unchanged.
     *
     * @param resource a name as seen on the wire
     * @param namespace the namespace to strip, may be null or empty (then nothing changes)
     * @return the name the user knows
     */
    public static String unwrap(String resource, String namespace) {
        if (isEmpty(resource) || isEmpty(namespace)) {
            return resource;
        }
        String prefix = typePrefix(resource);
        String bare = resource.substring(prefix.length());
        if (bare.startsWith(namespace + SEPARATOR)) {
            return prefix + bare.substring(namespace.length() + 1);
        }
        return resource;
    }

    /**
     * Strips whatever namespace the resource carries (the text up to the first {@code %} after any retry/DLQ prefix).
     *
     * @param resource a name as seen on the wire
     * @return the name without its namespace
     */
    public static String unwrap(String resource) {
        if (isEmpty(resource) || isSystemResource(resource)) {
            return resource;
        }
        String prefix = typePrefix(resource);
        String bare = resource.substring(prefix.length());
        int index = bare.indexOf(SEPARATOR);
        return index > 0 ? prefix + bare.substring(index + 1) : resource;
    }

    /** @return the namespace the resource carries, or {@code null} */
    public static String namespaceOf(String resource) {
        if (isEmpty(resource) || isSystemResource(resource)) {
            return null;
        }
        String bare = resource.substring(typePrefix(resource).length());
        int index = bare.indexOf(SEPARATOR);
        return index > 0 ? bare.substring(0, index) : null;
    }

    /** @return whether the resource (after any retry/DLQ prefix) already starts with {@code namespace%} */
    public static boolean isWrapped(String resource, String namespace) {
        if (isEmpty(resource) || isEmpty(namespace)) {
            return false;
        }
        return resource.substring(typePrefix(resource).length()).startsWith(namespace + SEPARATOR);
    }

    /** @return whether the name belongs to the platform and is never wrapped */
    public static boolean isSystemResource(String resource) {
        if (isEmpty(resource)) {
            return false;
        }
        return SYSTEM_TOPICS.contains(resource) || resource.startsWith("rmq_sys_")
            || resource.startsWith(SYSTEM_GROUP_PREFIX);
    }

    private static String typePrefix(String resource) {
        if (resource.startsWith(SystemTopics.RETRY_GROUP_TOPIC_PREFIX)) {
            return SystemTopics.RETRY_GROUP_TOPIC_PREFIX;
        }
        if (resource.startsWith(SystemTopics.DLQ_GROUP_TOPIC_PREFIX)) {
            return SystemTopics.DLQ_GROUP_TOPIC_PREFIX;
        }
        return "";
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
