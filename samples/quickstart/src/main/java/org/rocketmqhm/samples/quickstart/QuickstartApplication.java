package org.rocketmqhm.samples.quickstart;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Quickstart: {@link GreetingSender} sends greetings with {@code RocketMQTemplate}, {@link GreetingListener}
 * receives them. Start a name server and broker on 127.0.0.1:9876 (see application.yml), then run this class.
 */
@SpringBootApplication
public class QuickstartApplication {

    public static void main(String[] args) {
        SpringApplication.run(QuickstartApplication.class, args);
    }
}
