package org.rocketmqhm.spring.core;

/**
 * Implemented by a {@code @RocketMQMessageListener} bean to adjust its push consumer before it starts (for example
 * the consume-from-where setting). The argument is the container's native consumer; its type will narrow to the
 * client's push consumer once that lands.
 *
 * @since 0.1.0
 */
public interface RocketMQPushConsumerLifecycleListener extends RocketMQConsumerLifecycleListener<Object> {
}
