package org.rocketmqhm.samples.quickstart;

import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.core.RocketMQListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Receives the greetings tagged {@code hello} and keeps them (so that the sample's test can look). */
@Component
@RocketMQMessageListener(topic = GreetingSender.TOPIC, consumerGroup = "quickstart-greeting-listener",
    selectorExpression = "hello")
public class GreetingListener implements RocketMQListener<Greeting> {

    private static final Logger log = LoggerFactory.getLogger(GreetingListener.class);

    private final List<Greeting> received = new CopyOnWriteArrayList<>();

    @Override
    public void onMessage(Greeting greeting) {
        log.info("{} says {}", greeting.from(), greeting.text());
        received.add(greeting);
    }

    /** @return greetings received so far */
    public List<Greeting> received() {
        return received;
    }
}
