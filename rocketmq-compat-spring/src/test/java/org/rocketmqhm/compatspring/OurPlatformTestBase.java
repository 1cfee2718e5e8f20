package org.rocketmqhm.compatspring;

import org.junit.jupiter.api.extension.ExtendWith;
import org.rocketmqhm.core.client.admin.AdminClient;
import org.rocketmqhm.core.testsupport.OurRocketMQ;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.nio.file.Path;
import java.time.Duration;

import static org.awaitility.Awaitility.await;

/**
 * Our name server and broker run in-process around the Spring context of a test class
 * ({@link OurPlatformExtension}): each test class gets its own platform, context, groups and topics. Apache's starter finds our name server
 * through {@code rocketmq.name-server}, exactly as an application configures it.
 *
 * <p>Store delay levels are short ("1s 2s 1s ...") so that consumer retries (level 3 + reconsume times) come back
 * within a second; level 2 is 2 s for the delayed-send test.
 */
@ExtendWith(OurPlatformExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@DirtiesContext
abstract class OurPlatformTestBase {

    /**
     * Bound for a listener's deliveries. Apache's 5.x client can lose the heartbeat that announces its first
     * rebalance: the rebalance and the periodic heartbeat both run one second after the client starts, and the
     * rebalance skips its heartbeat when the periodic one holds the lock ("lock heartBeat, but failed" in the
     * client log). Its pulls then carry a subscription version the broker has not seen, and the broker (ours as
     * Apache's) answers SUBSCRIPTION_NOT_LATEST until the client's next heartbeat, up to 30 s later.
     */
    static final Duration WAIT = Duration.ofSeconds(45);

    static final String DELAY_LEVELS = "1s 2s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s";

    static Path dir;

    static OurRocketMQ platform;

    @DynamicPropertySource
    static void nameServer(DynamicPropertyRegistry registry) {
        registry.add("rocketmq.name-server", () -> platform.nameServerAddress());
    }

    /** Creates topics with {@code queues} queues each and waits until the name server routes them. */
    static void createTopics(int queues, String... topics) {
        AdminClient admin = new AdminClient();
        admin.setNamesrvAddr(platform.nameServerAddress());
        admin.start();
        try {
            for (String topic : topics) {
                admin.createTopic(platform.clusterName(), topic, queues);
                await().atMost(Duration.ofSeconds(10)).ignoreExceptions()
                    .until(() -> admin.topicRoute(topic).queueDatas().get(0).readQueueNums() == queues);
            }
        } finally {
            admin.shutdown();
        }
    }
}
