package org.rocketmqhm.samples.quickstart;

import org.rocketmqhm.core.client.producer.SendResult;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.springframework.stereotype.Service;

/** Sends greetings to the {@code greetings} topic, tagged {@code hello}. */
@Service
public class GreetingSender {

    /** Topic of the sample. */
    public static final String TOPIC = "greetings";

    private final RocketMQTemplate template;

    public GreetingSender(RocketMQTemplate template) {
        this.template = template;
    }

    /** @param greeting the greeting @return the broker's answer */
    public SendResult send(Greeting greeting) {
        return template.syncSend(TOPIC + ":hello", greeting);
    }
}
