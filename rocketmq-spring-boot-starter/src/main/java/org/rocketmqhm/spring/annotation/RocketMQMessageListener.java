package org.rocketmqhm.spring.annotation;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a bean implementing {@code RocketMQListener} or {@code RocketMQReplyListener} as the listener of one push
 * consumer. Every string attribute supports {@code ${...}} placeholders. Attributes left at their default fall back to
 * the {@code rocketmq.consumer.*} / {@code rocketmq.*} properties where noted.
 *
 * <pre>{@code
 * @Component
 * @RocketMQMessageListener(topic = "orders", consumerGroup = "order-service", selectorExpression = "created")
 * class OrderListener implements RocketMQListener<Order> {
 *     public void onMessage(Order order) { ... }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface RocketMQMessageListener {

    /** @return the consumer group; required */
    String consumerGroup();

    /** @return the topic to subscribe; required */
    String topic();

    /** @return how {@link #selectorExpression()} is interpreted */
    SelectorType selectorType() default SelectorType.TAG;

    /** @return tag or SQL92 expression; {@code "*"} accepts every message */
    String selectorExpression() default "*";

    /** @return concurrent or orderly delivery */
    ConsumeMode consumeMode() default ConsumeMode.CONCURRENTLY;

    /** @return clustering or broadcasting */
    MessageModel messageModel() default MessageModel.CLUSTERING;

    /** @return maximum consumer threads (kept for compatibility; the pool is sized by {@link #consumeThreadNumber()}) */
    int consumeThreadMax() default 64;

    /** @return number of consumer threads */
    int consumeThreadNumber() default 20;

    /** @return redeliveries before a message goes to the DLQ; -1 means 16 when concurrent, unlimited when orderly */
    int maxReconsumeTimes() default -1;

    /**
     * @return minutes a concurrent listener call may take; after that its message is sent back (delay level 3) and
     * no longer holds back the committed offset
     */
    long consumeTimeout() default 15L;

    /** @return milliseconds a {@code RocketMQReplyListener} reply may take */
    int replyTimeout() default 3000;

    /** @return access key; defaults to {@code rocketmq.consumer.access-key} */
    String accessKey() default "${rocketmq.consumer.access-key:}";

    /** @return secret key; defaults to {@code rocketmq.consumer.secret-key} */
    String secretKey() default "${rocketmq.consumer.secret-key:}";

    /** @return whether listener calls record SubBefore/SubAfter traces to the trace topic */
    boolean enableMsgTrace() default false;

    /** @return trace topic; defaults to {@code rocketmq.consumer.customized-trace-topic} */
    String customizedTraceTopic() default "${rocketmq.consumer.customized-trace-topic:}";

    /** @return name servers; defaults to {@code rocketmq.name-server} */
    String nameServer() default "${rocketmq.name-server:}";

    /** @return access channel; defaults to {@code rocketmq.access-channel} */
    String accessChannel() default "${rocketmq.access-channel:}";

    /** @return {@code "true"} to use TLS; a string so that it can be a placeholder */
    String tlsEnable() default "false";

    /** @return namespace prefixed to topic and group */
    String namespace() default "";

    /**
     * @return for concurrent consumption, the delay level of a message whose listener threw: -1 sends it straight
     * to the DLQ, 0 lets the broker pick ({@code 3 + reconsumeTimes}), greater than 0 uses that level
     */
    int delayLevelWhenNextConsume() default 0;

    /** @return for orderly consumption, milliseconds to suspend a queue after a failure */
    int suspendCurrentQueueTimeMillis() default 1000;

    /** @return milliseconds to wait for in-flight messages when the container stops */
    int awaitTerminationMillisWhenShutdown() default 1000;

    /** @return client instance name; empty uses the default */
    String instanceName() default "";
}
