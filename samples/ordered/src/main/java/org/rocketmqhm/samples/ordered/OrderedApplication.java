package org.rocketmqhm.samples.ordered;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Ordered messages: {@link OrderStepSender} sends each order's steps (created, paid, shipped, done) with
 * {@code syncSendOrderly} keyed by order id, so one order's steps share a queue; {@link OrderStepListener} consumes
 * with {@code consumeMode = ORDERLY} (one thread per queue) and sees every order's steps in order.
 * Start a name server and broker on 127.0.0.1:9876 (see application.yml), then run this class.
 */
@SpringBootApplication
public class OrderedApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrderedApplication.class, args);
    }
}
