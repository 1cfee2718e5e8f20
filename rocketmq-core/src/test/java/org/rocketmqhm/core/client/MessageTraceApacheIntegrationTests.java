package org.rocketmqhm.core.client;

import org.rocketmqhm.core.testsupport.ApacheRocketMQ;
import org.rocketmqhm.core.testsupport.BrokerFixture;

import java.nio.file.Path;

/** {@link MessageTraceIntegrationTests} against Apache's name server and broker 4.9.7. */
class MessageTraceApacheIntegrationTests extends MessageTraceIntegrationTests {

    @Override
    protected BrokerFixture startBroker(Path dir) throws Exception {
        return ApacheRocketMQ.start(dir);
    }

    @Override
    protected String expectedStoredRegion() {
        return null;
    }
}
