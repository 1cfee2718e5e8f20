package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.core.client.producer.ReplyMessages;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.spring.support.ListenerEndpoint;
import org.rocketmqhm.spring.support.RocketMQMessageConverter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

import java.util.function.Supplier;

/**
 * Runs one {@code @RocketMQMessageListener}: creates its consumer on {@link #start()} (when the application context
 * has been refreshed, in a late phase), hands each message to the {@link ListenerInvoker}, sends replies of
 * {@link RocketMQReplyListener}s, and on {@link #stop()} (before singletons are destroyed) shuts the consumer down,
 * waiting up to {@code awaitTerminationMillisWhenShutdown} for in-flight messages. A listener exception is logged
 * and makes the consumer redeliver the message later. Thread-safe.
 *
 * @since 0.1.0
 */
public class DefaultRocketMQListenerContainer implements SmartLifecycle {

    /** Late start, early stop: after other beans are ready, before they are destroyed. */
    public static final int PHASE = Integer.MAX_VALUE - 1000;

    private static final Logger log = LoggerFactory.getLogger(DefaultRocketMQListenerContainer.class);

    private final ListenerEndpoint endpoint;
    private final Object listener;
    private final ListenerInvoker invoker;
    private final ListenerConsumerFactory consumerFactory;
    private final Supplier<Producer> replyProducer;
    private final RocketMQMessageConverter converter;
    private volatile ConsumeObserver observer = ConsumeObserver.NONE;
    private volatile ListenerConsumer consumer;
    private volatile String state = "STOPPED";

    /**
     * @param endpoint resolved settings
     * @param listener the listener bean
     * @param converter body converter
     * @param consumerFactory creates the push consumer
     * @param replyProducer producer sending replies (used by reply listeners only)
     */
    public DefaultRocketMQListenerContainer(ListenerEndpoint endpoint, Object listener,
                                            RocketMQMessageConverter converter, ListenerConsumerFactory consumerFactory,
                                            Supplier<Producer> replyProducer) {
        this.endpoint = endpoint;
        this.listener = listener;
        this.converter = converter;
        this.invoker = new ListenerInvoker(listener, converter);
        this.consumerFactory = consumerFactory;
        this.replyProducer = replyProducer;
    }

    /** @param observer told about each consumed message (metrics) */
    public void setConsumeObserver(ConsumeObserver observer) {
        this.observer = observer;
    }

    public ListenerEndpoint getEndpoint() {
        return endpoint;
    }

    /** @return {@code RUNNING}, {@code STOPPED} or {@code FAILED} */
    public String getState() {
        return state;
    }

    @Override
    public synchronized void start() {
        if (consumer != null) {
            return;
        }
        try {
            ListenerConsumer created = consumerFactory.create(endpoint, this::handle);
            if (listener instanceof RocketMQConsumerLifecycleListener<?> lifecycle) {
                prepare(lifecycle, created.nativeConsumer());
            }
            created.start();
            consumer = created;
            state = "RUNNING";
            log.info("listener container of {} started: group {}, topic {}, {} {}", endpoint.beanName(),
                endpoint.consumerGroup(), endpoint.topic(), endpoint.selectorType(), endpoint.selectorExpression());
        } catch (RuntimeException e) {
            state = "FAILED";
            throw e;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void prepare(RocketMQConsumerLifecycleListener lifecycle, Object nativeConsumer) {
        lifecycle.prepareStart(nativeConsumer);
    }

    @Override
    public synchronized void stop() {
        ListenerConsumer current = consumer;
        if (current == null) {
            return;
        }
        consumer = null;
        current.shutdown(endpoint.awaitTerminationMillisWhenShutdown());
        state = "STOPPED";
        log.info("listener container of {} stopped", endpoint.beanName());
    }

    /**
     * @return the group's lag on the listener's topic as the running consumer knows it (broker max offsets from its
     *     latest pulls minus committed offsets, no broker round trip), or NaN when stopped or unknown
     */
    public double consumerLag() {
        ListenerConsumer current = consumer;
        long lag = current == null ? -1 : current.lag(endpoint.topic());
        return lag < 0 ? Double.NaN : lag;
    }

    @Override
    public boolean isRunning() {
        return consumer != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    private void handle(MessageExt message) {
        long start = System.nanoTime();
        try {
            Object reply = invoker.invoke(message);
            observer.onConsume(endpoint.consumerGroup(), endpoint.topic(), System.nanoTime() - start, null);
            if (reply != null) {
                replyProducer.get().send(ReplyMessages.reply(message, converter.toBytes(reply)),
                    endpoint.replyTimeoutMillis());
            }
        } catch (RuntimeException e) {
            observer.onConsume(endpoint.consumerGroup(), endpoint.topic(), System.nanoTime() - start, e);
            log.warn("listener {} failed on message {} of {}; it will be redelivered", endpoint.beanName(),
                message.getMsgId(), endpoint.topic(), e);
            throw e;
        }
    }
}
