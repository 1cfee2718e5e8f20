package org.rocketmqhm.samples.ordered;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.producer.SendStatus;
import org.rocketmqhm.spring.test.EmbeddedRocketMQ;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Runs the ordered sample against an embedded name server and broker. */
@SpringBootTest
@EmbeddedRocketMQ
class OrderedApplicationTests {

    @Autowired
    OrderStepSender sender;

    @Autowired
    OrderStepListener listener;

    @Test
    void everyOrderReceivesItsStepsInOrder() {
        List<String> orders = List.of("o-1", "o-2", "o-3", "o-4", "o-5", "o-6");
        for (Step step : Step.values()) {          // steps of different orders interleaved
            for (String order : orders) {
                assertThat(sender.send(new OrderStep(order, step)).status()).isEqualTo(SendStatus.SEND_OK);
            }
        }
        await().atMost(Duration.ofSeconds(30))
            .until(() -> orders.stream().allMatch(o -> listener.steps(o).size() >= Step.values().length));
        for (String order : orders) {
            assertThat(listener.steps(order)).as(order).containsExactly(Step.values());
        }
    }
}
