package org.rocketmqhm.brokerapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The platform in one process: a name server and a broker, each optional. Accepts Spring Boot arguments and
 * Apache's {@code -c broker.properties} and {@code -n host:port}.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class RocketMQBrokerApplication {

    public static void main(String[] args) {
        try {
            run(args);
        } catch (RuntimeException e) {
            // Spring Boot has already reported the failure (see StartupFailureAnalyzer); exit non-zero at once
            // instead of lingering on non-daemon threads.
            System.exit(1);
        }
    }

    /** Starts the platform with Spring Boot or Apache-style arguments; close the context to stop it. */
    public static ConfigurableApplicationContext run(String... args) {
        return new SpringApplication(RocketMQBrokerApplication.class).run(ApacheStyleArguments.toSpringArguments(args));
    }
}
