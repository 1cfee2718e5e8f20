package org.rocketmqhm.core.client;

import org.rocketmqhm.core.testsupport.BrokerFixture;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.nio.file.Path;

/** The producer tests against our broker. */
class ProducerOurIntegrationTests extends ProducerIntegrationTests {

    @Override
    protected BrokerFixture startBroker(Path dir) {
        return OurRocketMQ.start(dir);
    }
}
