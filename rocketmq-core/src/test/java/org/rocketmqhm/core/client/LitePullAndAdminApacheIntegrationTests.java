package org.rocketmqhm.core.client;

import org.rocketmqhm.core.testsupport.ApacheRocketMQ;
import org.rocketmqhm.core.testsupport.BrokerFixture;

import java.nio.file.Path;

/** Lite pull and admin tests against Apache's broker 4.9.7. */
class LitePullAndAdminApacheIntegrationTests extends LitePullAndAdminIntegrationTests {

    @Override
    protected BrokerFixture startBroker(Path dir) throws Exception {
        return ApacheRocketMQ.start(dir);
    }
}
