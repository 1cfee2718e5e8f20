package org.rocketmqhm.core.client;

import org.junit.jupiter.api.Disabled;
import org.rocketmqhm.core.testsupport.ApacheRocketMQ;
import org.rocketmqhm.core.testsupport.BrokerFixture;

import java.nio.file.Path;

/** Lite pull and admin tests against Apache's broker 4.9.7. */
@Disabled("known-broken: with the in-process Apache 4.9.7 fixture, routes of newly created topics never reach "
    + "its name server in these tests (even admin.topicRoute keeps failing); suspected fixture topic-mirror issue")
class LitePullAndAdminApacheIntegrationTests extends LitePullAndAdminIntegrationTests {

    @Override
    protected BrokerFixture startBroker(Path dir) throws Exception {
        return ApacheRocketMQ.start(dir);
    }
}
