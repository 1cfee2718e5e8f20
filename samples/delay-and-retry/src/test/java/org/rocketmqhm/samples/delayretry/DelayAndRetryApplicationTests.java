package org.rocketmqhm.samples.delayretry;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.producer.SendStatus;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.rocketmqhm.spring.test.EmbeddedRocketMQ;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Runs the sample against an embedded broker whose delay levels are short: level 2 is 2 s (the reminder), every
 * other level 1 s (retries), so the whole test takes seconds instead of the production 10 s, 30 s, ... retries.
 */
@SpringBootTest
@EmbeddedRocketMQ(brokerProperties = "messageDelayLevel=1s 2s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s 1s")
class DelayAndRetryApplicationTests {

    @Autowired
    ReminderSender reminderSender;

    @Autowired
    ReminderListener reminderListener;

    @Autowired
    FlakyPaymentListener paymentListener;

    @Autowired
    RocketMQTemplate template;

    @Test
    void delayedReminderArrivesAfterItsDelay() {
        Reminder reminder = new Reminder("r-1", "call back", System.currentTimeMillis());
        assertThat(reminderSender.send(reminder, 2).status()).isEqualTo(SendStatus.SEND_OK);
        await().atMost(Duration.ofSeconds(20)).until(() -> reminderListener.delayOf("r-1") != null);
        assertThat(reminderListener.delayOf("r-1")).isGreaterThanOrEqualTo(1_900L);
    }

    @Test
    void failingPaymentIsRetriedUntilItSucceeds() {
        assertThat(template.syncSend(FlakyPaymentListener.TOPIC, "pay-42").status()).isEqualTo(SendStatus.SEND_OK);
        await().atMost(Duration.ofSeconds(25)).until(() -> paymentListener.succeededAtReconsume("pay-42") != null);
        assertThat(paymentListener.succeededAtReconsume("pay-42")).isEqualTo(FlakyPaymentListener.FAILURES);
        List<Long> attempts = paymentListener.attempts("pay-42");
        assertThat(attempts).hasSize(FlakyPaymentListener.FAILURES + 1);
        for (int i = 1; i < attempts.size(); i++) {
            assertThat(attempts.get(i) - attempts.get(i - 1)).as("delay before retry %d", i).isGreaterThanOrEqualTo(900L);
        }
    }
}
