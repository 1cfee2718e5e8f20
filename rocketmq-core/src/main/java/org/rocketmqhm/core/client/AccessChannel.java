package org.rocketmqhm.core.client;

/**
 * Where the cluster runs, as Apache's {@code accessChannel}. {@link #LOCAL} (default) is a self-hosted cluster.
 * {@link #CLOUD} marks a cloud service: Apache 4.9 clients then name message-trace topics per region
 * ({@link #traceTopic(String)}) instead of using {@code RMQ_SYS_TRACE_TOPIC}. Namespaces are resolved from
 * {@code MQ_INST_xxx_yyy.} name-server endpoints in both channels (see {@link ClientConfig#getNamespace()}).
 *
 * @since 0.2.0
 */
public enum AccessChannel {
    LOCAL,
    CLOUD;

    /** Prefix of the per-region trace topic in the cloud channel. */
    public static final String CLOUD_TRACE_TOPIC_PREFIX = "rmq_sys_TRACE_DATA_";

    /**
     * @param regionId the broker's region (send responses carry it as ext {@code MSG_REGION}), may be null
     * @return the trace topic this channel writes to: {@code RMQ_SYS_TRACE_TOPIC} locally,
     *     {@code rmq_sys_TRACE_DATA_<region>} in the cloud channel (the default region being {@code DefaultRegion})
     */
    public String traceTopic(String regionId) {
        if (this == LOCAL) {
            return org.rocketmqhm.core.protocol.SystemTopics.TRACE_TOPIC;
        }
        return CLOUD_TRACE_TOPIC_PREFIX + (regionId == null || regionId.isEmpty() ? "DefaultRegion" : regionId);
    }
}
