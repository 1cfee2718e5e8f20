package org.rocketmqhm.core.client;

import org.junit.jupiter.api.Disabled;
import org.rocketmqhm.core.testsupport.ApacheRocketMQ;
import org.rocketmqhm.core.testsupport.BrokerFixture;

import java.nio.file.Path;

/** The push consumer tests against Apache's broker 4.9.7. */
@Disabled("known-broken: against the in-process Apache 4.9.7 fixture the push consumer's rebalance never "
    + "sees a route/member list for the topic (PullLoop logs 'route or group members unknown yet'); not yet diagnosed")
class PushConsumerApacheIntegrationTests extends PushConsumerIntegrationTests {

    @Override
    protected BrokerFixture startBroker(Path dir) throws Exception {
        return ApacheRocketMQ.start(dir);
    }
}
