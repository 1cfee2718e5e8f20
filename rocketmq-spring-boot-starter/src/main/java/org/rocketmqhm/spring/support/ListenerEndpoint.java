package org.rocketmqhm.spring.support;

import org.rocketmqhm.spring.annotation.ConsumeMode;
import org.rocketmqhm.spring.annotation.MessageModel;
import org.rocketmqhm.spring.annotation.SelectorType;

/**
 * The resolved settings of one {@code @RocketMQMessageListener}: placeholders resolved, defaults applied, namespace
 * applied to {@link #topic()} and {@link #consumerGroup()}. Immutable.
 *
 * @param beanName name of the listener bean
 * @param consumerGroup consumer group (with namespace)
 * @param topic topic (with namespace)
 * @param selectorType tag or SQL92
 * @param selectorExpression the expression
 * @param consumeMode concurrent or orderly
 * @param messageModel clustering or broadcasting
 * @param consumeThreadNumber consumer threads
 * @param consumeThreadMax maximum consumer threads
 * @param maxReconsumeTimes redeliveries before the DLQ; -1 for the client's default
 * @param consumeTimeoutMinutes minutes a message may take
 * @param replyTimeoutMillis milliseconds a reply may take
 * @param nameServer name servers
 * @param accessChannel access channel
 * @param accessKey access key, may be empty
 * @param secretKey secret key, may be empty
 * @param namespace namespace, may be empty
 * @param enableMsgTrace whether trace is on
 * @param customizedTraceTopic trace topic, may be empty
 * @param tlsEnable whether TLS is on
 * @param delayLevelWhenNextConsume orderly: delay level of a retry
 * @param suspendCurrentQueueTimeMillis orderly: suspension after a failure
 * @param awaitTerminationMillisWhenShutdown drain time on stop
 * @param instanceName client instance name, may be empty
 * @since 0.1.0
 */
public record ListenerEndpoint(String beanName, String consumerGroup, String topic, SelectorType selectorType,
                               String selectorExpression, ConsumeMode consumeMode, MessageModel messageModel,
                               int consumeThreadNumber, int consumeThreadMax, int maxReconsumeTimes,
                               long consumeTimeoutMinutes, int replyTimeoutMillis, String nameServer,
                               String accessChannel, String accessKey, String secretKey, String namespace,
                               boolean enableMsgTrace, String customizedTraceTopic, boolean tlsEnable,
                               int delayLevelWhenNextConsume, int suspendCurrentQueueTimeMillis,
                               int awaitTerminationMillisWhenShutdown, String instanceName) {
}
