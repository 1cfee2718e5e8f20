package org.rocketmqhm.core.broker;

import org.apache.rocketmq.client.QueryResult;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** Messages are found by business key and by unique id through Apache's own admin tool. */
class QueryMessageTests {

    @TempDir
    Path dir;

    @Test
    void findsMessagesByKeyAndByUniqueId() throws Exception {
        try (BrokerFixture fixture = BrokerFixture.start(dir)) {
            BrokerSendPullTests.fixture = fixture;
            DefaultMQProducer producer = BrokerSendPullTests.producer("pg-query");
            DefaultMQAdminExt admin = new DefaultMQAdminExt();
            admin.setNamesrvAddr(fixture.namesrvAddr());
            admin.setInstanceName("query-admin-" + System.nanoTime());
            try {
                admin.start();
                SendResult target = null;
                for (int i = 0; i < 20; i++) {
                    Message message = new Message("Queried", "TagQ", "order-" + i + " shared",
                        ("body-" + i).getBytes(StandardCharsets.UTF_8));
                    SendResult result = producer.send(message);
                    if (i == 7) {
                        target = result;
                    }
                }
                long begin = System.currentTimeMillis() - 60_000;
                long end = System.currentTimeMillis() + 60_000;

                await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                    QueryResult byKey = admin.queryMessage("Queried", "order-7", 32, begin, end);
                    assertThat(byKey.getMessageList()).extracting(m -> new String(m.getBody(), StandardCharsets.UTF_8))
                        .containsExactly("body-7");
                });
                QueryResult shared = admin.queryMessage("Queried", "shared", 64, begin, end);
                assertThat(shared.getMessageList()).hasSize(20);

                MessageExt byUniqueId = admin.viewMessage("Queried", target.getMsgId());
                assertThat(new String(byUniqueId.getBody(), StandardCharsets.UTF_8)).isEqualTo("body-7");
                MessageExt byOffsetId = admin.viewMessage("Queried", target.getOffsetMsgId());
                assertThat(byOffsetId.getKeys()).isEqualTo("order-7 shared");

                assertThatThrownBy(() -> admin.queryMessage("Queried", "order-7", 32, end, end + 1000))
                    .hasMessageContaining("query message by key finished, but no message");
            } finally {
                admin.shutdown();
                producer.shutdown();
            }
        }
    }
}
