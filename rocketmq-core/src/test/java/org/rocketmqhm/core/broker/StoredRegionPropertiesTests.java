package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.awaitility.Awaitility;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code msgRegionPropertiesEnable}: on (the default, {@link BrokerBadInputTests}) stored messages carry the broker's
 * {@code MSG_REGION} / {@code TRACE_ON}; off, they are stored as Apache's default broker stores them, without both,
 * while send responses still report them.
 */
class StoredRegionPropertiesTests {

    @TempDir
    Path dir;

    @Test
    void switchedOffStoresNeitherRegionNorTraceSwitch() throws Exception {
        try (BrokerFixture fixture = new BrokerFixture(dir, c -> {
            c.setMsgRegionPropertiesEnable(false);
            c.setRegionId("RegionX");
        }, s -> { })) {
            DefaultMQProducer producer = new DefaultMQProducer("pg-region");
            producer.setNamesrvAddr(fixture.namesrvAddr());
            producer.setInstanceName("region-" + System.nanoTime());
            producer.start();
            try {
                producer.createTopic("TBW102", "RegionTopic", 1);
                // the broker registers the new topic with the name server shortly; a send before that would use
                // the default topic's 4 queues and be refused for an illegal queue id
                Awaitility.await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> !producer.fetchPublishMessageQueues("RegionTopic").isEmpty());
                SendResult sent = producer.send(new Message("RegionTopic", "v".getBytes(StandardCharsets.UTF_8)));
                assertThat(sent.getRegionId()).isEqualTo("RegionX");
                MessageExt viewed = producer.viewMessage(sent.getOffsetMsgId());
                assertThat(viewed.getProperty("CLUSTER")).isEqualTo("DefaultCluster");
                assertThat(viewed.getProperty("MSG_REGION")).isNull();
                assertThat(viewed.getProperty("TRACE_ON")).isNull();
            } finally {
                producer.shutdown();
            }
        }
    }
}
