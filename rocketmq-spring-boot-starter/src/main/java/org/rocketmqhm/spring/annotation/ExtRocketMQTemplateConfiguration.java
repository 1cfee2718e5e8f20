package org.rocketmqhm.spring.annotation;

import org.springframework.stereotype.Component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an extra {@code RocketMQTemplate} with its own producer settings. Put it on a class extending
 * {@code RocketMQTemplate}; the bean gets its own producer built from these attributes, with unset attributes taken
 * from {@code rocketmq.producer.*}. Every string attribute supports {@code ${...}} placeholders.
 *
 * <pre>{@code
 * @ExtRocketMQTemplateConfiguration(group = "audit-producer", nameServer = "${audit.name-server}")
 * class AuditTemplate extends RocketMQTemplate { }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface ExtRocketMQTemplateConfiguration {

    /** @return bean name; defaults to the decapitalized class name */
    String value() default "";

    /** @return name servers; defaults to {@code rocketmq.name-server} */
    String nameServer() default "${rocketmq.name-server:}";

    /** @return producer group; required */
    String group() default "${rocketmq.producer.group:}";

    /** @return milliseconds a send may take */
    int sendMessageTimeout() default -1;

    /** @return body size in bytes above which bodies are compressed */
    int compressMessageBodyThreshold() default -1;

    /** @return retries of a failed sync send */
    int retryTimesWhenSendFailed() default -1;

    /** @return retries of a failed async send */
    int retryTimesWhenSendAsyncFailed() default -1;

    /** @return whether to retry on another broker when the store is not OK */
    boolean retryNextServer() default false;

    /** @return maximum message body size in bytes */
    int maxMessageSize() default -1;

    /** @return access key */
    String accessKey() default "${rocketmq.producer.access-key:}";

    /** @return secret key */
    String secretKey() default "${rocketmq.producer.secret-key:}";

    /** @return whether to enable message trace */
    boolean enableMsgTrace() default false;

    /** @return trace topic */
    String customizedTraceTopic() default "${rocketmq.producer.customized-trace-topic:}";

    /** @return access channel */
    String accessChannel() default "${rocketmq.access-channel:}";

    /** @return {@code "true"} to use TLS */
    String tlsEnable() default "false";

    /** @return namespace prefixed to topics and the group */
    String namespace() default "${rocketmq.producer.namespace:}";

    /** @return client instance name */
    String instanceName() default "";
}
