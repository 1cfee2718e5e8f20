package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageProperties;

/**
 * Turns the properties string a producer sent into the string the broker stores, without a map: the client's
 * well-formed segments in the client's order, minus {@code WAIT} when its value is {@code true} (absence means
 * the same) and minus the names the broker sets, then the broker's own {@code CLUSTER} and, unless switched off,
 * {@code MSG_REGION} and {@code TRACE_ON} (Apache's 5.x client needs them on a consumed message to emit its
 * consume traces). Decoding the result gives exactly the map the broker used to build by decoding, putting and
 * removing ({@link MessageProperties#decode}); only the order of segments differs. Reads the broker settings on
 * every call (they may be updated at runtime). Thread-safe: the string is built in a per-thread StringBuilder,
 * so the result is the only allocation.
 *
 * @since 0.1.0
 */
final class StoredPropertiesDecorator {

    private static final String[] CLUSTER_ONLY = {MessageConst.PROPERTY_CLUSTER};
    private static final String[] CLUSTER_AND_WAIT = {MessageConst.PROPERTY_CLUSTER,
        MessageConst.PROPERTY_WAIT_STORE_MSG_OK};
    private static final String[] ALL_BROKER = {MessageConst.PROPERTY_CLUSTER, MessageConst.PROPERTY_MSG_REGION,
        MessageConst.PROPERTY_TRACE_SWITCH};
    private static final String[] ALL_BROKER_AND_WAIT = {MessageConst.PROPERTY_CLUSTER,
        MessageConst.PROPERTY_MSG_REGION, MessageConst.PROPERTY_TRACE_SWITCH, MessageConst.PROPERTY_WAIT_STORE_MSG_OK};

    private static final int KEEP_LIMIT = 64 * 1024;
    private static final ThreadLocal<StringBuilder> SCRATCH = ThreadLocal.withInitial(() -> new StringBuilder(512));

    private final BrokerConfig config;

    StoredPropertiesDecorator(BrokerConfig config) {
        this.config = config;
    }

    /** @param clientProperties the request header's properties (may be null) @return the string to store */
    String decorate(String clientProperties) {
        boolean dropWait = "true".equals(MessageProperties.get(clientProperties,
            MessageConst.PROPERTY_WAIT_STORE_MSG_OK));
        boolean region = config.isMsgRegionPropertiesEnable();
        String[] replaced = region ? (dropWait ? ALL_BROKER_AND_WAIT : ALL_BROKER)
            : (dropWait ? CLUSTER_AND_WAIT : CLUSTER_ONLY);
        StringBuilder target = SCRATCH.get();
        target.setLength(0);
        MessageProperties.copyExcept(clientProperties, target, replaced);
        append(target, MessageConst.PROPERTY_CLUSTER, config.getBrokerClusterName());
        if (region) {
            append(target, MessageConst.PROPERTY_MSG_REGION, config.getRegionId());
            append(target, MessageConst.PROPERTY_TRACE_SWITCH, config.isTraceOn() ? "true" : "false");
        }
        String stored = target.toString();
        if (target.capacity() > KEEP_LIMIT) {
            SCRATCH.remove(); // do not keep a huge builder after an unusual message
        }
        return stored;
    }

    /** Writes one segment as {@link MessageProperties#encode} would; a null value is left out, as there. */
    private static void append(StringBuilder target, String name, String value) {
        if (value == null) {
            return;
        }
        if (target.length() > 0) {
            target.append(MessageConst.PROPERTY_SEPARATOR);
        }
        target.append(name).append(MessageConst.NAME_VALUE_SEPARATOR).append(value);
    }
}
