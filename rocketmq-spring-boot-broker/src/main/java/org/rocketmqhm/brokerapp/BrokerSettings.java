package org.rocketmqhm.brokerapp;

import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

/**
 * The broker's settings as resolved from {@code -c broker.properties} and then {@code rocketmq.broker.*}.
 *
 * @param broker broker keys ({@code brokerName}, {@code listenPort}, {@code namesrvAddr}, ...)
 * @param store store keys ({@code storePathRootDir}, {@code flushDiskType}, ...)
 */
public record BrokerSettings(BrokerConfig broker, MessageStoreConfig store) {
}
