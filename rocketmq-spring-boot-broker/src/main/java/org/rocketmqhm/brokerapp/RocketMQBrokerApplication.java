package org.rocketmqhm.brokerapp;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The platform in one process: a name server and a broker, each optional. Accepts Spring Boot arguments and
 * Apache's {@code -c broker.properties} and {@code -n host:port}.
 *
 * @since 0.1.0
 */
@SpringBootApplication
public class RocketMQBrokerApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(RocketMQBrokerApplication.class);
        application.run(ApacheStyleArguments.toSpringArguments(args));
    }
}
