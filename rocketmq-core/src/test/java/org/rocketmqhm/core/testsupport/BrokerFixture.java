package org.rocketmqhm.core.testsupport;

/**
 * A running name server + broker that client tests talk to (Apache's today, ours later).
 */
public interface BrokerFixture extends AutoCloseable {

    String nameServerAddress();

    String brokerAddress();

    String clusterName();

    /** Stops and starts the broker on the same address, keeping its store; not every fixture supports it. */
    default void restartBroker() {
        throw new UnsupportedOperationException("this fixture cannot restart its broker");
    }

    /** @return true for our broker, false for Apache's */
    default boolean isOurs() {
        return false;
    }

    @Override
    void close();
}
