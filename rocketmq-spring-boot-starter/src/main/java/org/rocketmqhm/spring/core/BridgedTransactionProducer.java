package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.client.producer.TransactionProducer;

/**
 * The producer of a {@link RocketMQTemplate}: an ordinary producer that can also send transactional messages once a
 * {@code @RocketMQTransactionListener} is bound to its {@link LocalTransactionBridge}. Thread-safe once started.
 *
 * @since 0.1.0
 */
public class BridgedTransactionProducer extends TransactionProducer {

    private final LocalTransactionBridge bridge;

    /** @param producerGroup producer group */
    public BridgedTransactionProducer(String producerGroup) {
        this(producerGroup, new LocalTransactionBridge());
    }

    private BridgedTransactionProducer(String producerGroup, LocalTransactionBridge bridge) {
        super(producerGroup, bridge);
        this.bridge = bridge;
        bridge.setProducer(this);
    }

    /** @return the bridge a transaction listener binds to */
    public LocalTransactionBridge bridge() {
        return bridge;
    }
}
