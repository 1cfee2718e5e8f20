package org.rocketmqhm.spring.annotation;

import org.springframework.stereotype.Component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an extra {@code RocketMQTemplate} whose {@code receive} methods pull from their own topic and group.
 * Put it on a class extending {@code RocketMQTemplate}; unset attributes come from {@code rocketmq.pull-consumer.*}.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface ExtRocketMQConsumerConfiguration {

    /** @return bean name; defaults to the decapitalized class name */
    String value() default "";

    /** @return name servers */
    String nameServer() default "${rocketmq.name-server:}";

    /** @return access channel */
    String accessChannel() default "${rocketmq.access-channel:}";

    /** @return consumer group */
    String group() default "${rocketmq.pull-consumer.group:}";

    /** @return topic to pull */
    String topic() default "${rocketmq.pull-consumer.topic:}";

    /** @return clustering or broadcasting */
    MessageModel messageModel() default MessageModel.CLUSTERING;

    /** @return how {@link #selectorExpression()} is interpreted */
    SelectorType selectorType() default SelectorType.TAG;

    /** @return tag or SQL92 expression */
    String selectorExpression() default "*";

    /** @return access key */
    String accessKey() default "${rocketmq.pull-consumer.access-key:}";

    /** @return secret key */
    String secretKey() default "${rocketmq.pull-consumer.secret-key:}";

    /** @return messages per pull */
    int pullBatchSize() default 10;

    /** @return whether to enable message trace */
    boolean enableMsgTrace() default false;

    /** @return trace topic */
    String customizedTraceTopic() default "${rocketmq.pull-consumer.customized-trace-topic:}";

    /** @return {@code "true"} to use TLS */
    String tlsEnable() default "false";

    /** @return namespace prefixed to topic and group */
    String namespace() default "${rocketmq.pull-consumer.namespace:}";

    /** @return client instance name */
    String instanceName() default "";
}
