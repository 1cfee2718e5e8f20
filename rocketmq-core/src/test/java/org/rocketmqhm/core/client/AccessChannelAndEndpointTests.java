package org.rocketmqhm.core.client;

import org.apache.rocketmq.client.trace.TraceConstants;
import org.apache.rocketmq.common.topic.TopicValidator;
import org.apache.rocketmq.common.utils.NameServerAddressUtils;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Access-channel trace topics and cloud instance endpoints agree with Apache 4.9.7's client. */
class AccessChannelAndEndpointTests {

    @Test
    void traceTopicPerChannel() {
        assertThat(AccessChannel.LOCAL.traceTopic("r1")).isEqualTo(TopicValidator.RMQ_SYS_TRACE_TOPIC);
        assertThat(AccessChannel.CLOUD.traceTopic("r1")).isEqualTo(TraceConstants.TRACE_TOPIC_PREFIX + "r1");
    }

    @Test
    void namespaceComesFromInstanceEndpointsUnlessSet() {
        for (String address : new String[] {"MQ_INST_123_abc.mq.example.com:80",
            "http://MQ_INST_123_abc.mq.example.com:80", "127.0.0.1:9876", "http://127.0.0.1:9876"}) {
            String expected = NameServerAddressUtils.validateInstanceEndpoint(address)
                ? NameServerAddressUtils.parseInstanceIdFromEndpoint(address) : null;
            assertThat(NameServerAddresses.instanceId(address)).as(address).isEqualTo(expected);
        }
        ClientConfig config = new ClientConfig();
        config.setNamesrvAddr("http://MQ_INST_123_abc.mq.example.com:80");
        assertThat(config.getNamespace()).isEqualTo("MQ_INST_123_abc");
        assertThat(config.withNamespace("orders")).isEqualTo("MQ_INST_123_abc%orders");
        config.setNamespace("explicit");
        assertThat(config.getNamespace()).isEqualTo("explicit");
        assertThat(NameServerAddresses.withoutScheme("http://MQ_INST_123_abc.mq.example.com:80"))
            .isEqualTo("MQ_INST_123_abc.mq.example.com:80");
    }
}
