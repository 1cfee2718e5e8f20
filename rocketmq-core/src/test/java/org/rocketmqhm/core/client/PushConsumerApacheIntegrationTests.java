package org.rocketmqhm.core.client;

import org.rocketmqhm.core.testsupport.ApacheRocketMQ;
import org.rocketmqhm.core.testsupport.BrokerFixture;

import java.nio.file.Path;

/** The push consumer tests against Apache's broker 4.9.7. */
class PushConsumerApacheIntegrationTests extends PushConsumerIntegrationTests {

    @Override
    protected BrokerFixture startBroker(Path dir) throws Exception {
        return ApacheRocketMQ.start(dir);
    }
}
