package org.rocketmqhm.samples.delayretry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Delayed messages and consumer retries: {@link ReminderSender} sends a reminder with a delay level,
 * {@link ReminderListener} receives it once the delay has passed; {@link FlakyPaymentListener} fails twice and then
 * succeeds, and the broker redelivers each failed message with a growing delay (delay level 3 + retry count:
 * 10 s, 30 s, 1 min ... on a default broker). Start a name server and broker on 127.0.0.1:9876 (see
 * application.yml), then run this class.
 */
@SpringBootApplication
public class DelayAndRetryApplication {

    public static void main(String[] args) {
        SpringApplication.run(DelayAndRetryApplication.class, args);
    }
}
