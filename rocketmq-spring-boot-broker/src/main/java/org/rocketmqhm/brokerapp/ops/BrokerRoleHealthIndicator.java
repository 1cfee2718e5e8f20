package org.rocketmqhm.brokerapp.ops;

import org.rocketmqhm.core.broker.Broker;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Health component {@code role}: who this broker is (brokerName, brokerId, brokerRole, cluster, address) and its
 * replication state (connected slaves and their acks on a master; master HA address, connection and last contact
 * on a slave). UP while the broker runs. Thread-safe.
 *
 * @since 0.2.0
 */
public final class BrokerRoleHealthIndicator extends AbstractHealthIndicator {

    private final Broker broker;

    public BrokerRoleHealthIndicator(Broker broker) {
        super("role health check failed");
        this.broker = broker;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.status(broker.isRunning() ? "UP" : "DOWN")
            .withDetail("brokerName", broker.config().getBrokerName())
            .withDetail("brokerId", broker.config().getBrokerId())
            .withDetail("brokerRole", broker.config().getBrokerRole().name())
            .withDetail("cluster", broker.config().getBrokerClusterName())
            .withDetail("address", broker.isRunning() ? broker.address() : "not listening")
            .withDetail("replication", broker.replicationState());
    }
}
