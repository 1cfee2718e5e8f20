package org.rocketmqhm.core.testsupport;

/**
 * A running name server + broker that client tests talk to (Apache's today, ours later).
 */
public interface BrokerFixture extends AutoCloseable {

    String nameServerAddress();

    String brokerAddress();

    String clusterName();

    @Override
    void close();
}
