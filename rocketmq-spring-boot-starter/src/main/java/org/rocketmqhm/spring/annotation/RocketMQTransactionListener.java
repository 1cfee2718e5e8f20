package org.rocketmqhm.spring.annotation;

import org.springframework.stereotype.Component;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@code RocketMQLocalTransactionListener} bean as the transaction listener of one {@code RocketMQTemplate};
 * the template then sends half messages through a transactional producer whose check-back pool is sized by the
 * attributes below. At most one transaction listener per template.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Component
public @interface RocketMQTransactionListener {

    /** @return core threads answering broker check-backs */
    int corePoolSize() default 1;

    /** @return maximum threads answering broker check-backs */
    int maximumPoolSize() default 1;

    /** @return idle seconds before extra check-back threads stop */
    long keepAliveTime() default 1000 * 60;

    /** @return capacity of the check-back queue */
    int blockingQueueSize() default 2000;

    /** @return bean name of the template this listener belongs to */
    String rocketMQTemplateBeanName() default "rocketMQTemplate";
}
