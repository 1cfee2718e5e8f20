package org.rocketmqhm.samples.quickstart;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.producer.SendStatus;
import org.rocketmqhm.spring.test.EmbeddedRocketMQ;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runs the quickstart against an embedded name server and broker (rocketmq.name-server is overridden). */
@SpringBootTest
@EmbeddedRocketMQ
class QuickstartApplicationTests {

    @Autowired
    GreetingSender sender;

    @Autowired
    GreetingListener listener;

    @Test
    void sentGreetingReachesTheListener() {
        assertThat(sender.send(new Greeting("ann", "hello")).status()).isEqualTo(SendStatus.SEND_OK);
        await().atMost(Duration.ofSeconds(30)).until(() -> listener.received().contains(new Greeting("ann", "hello")));
    }
}
