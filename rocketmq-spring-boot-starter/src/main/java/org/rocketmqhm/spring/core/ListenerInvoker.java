package org.rocketmqhm.spring.core;

import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.spring.support.RocketMQMessageConverter;
import org.rocketmqhm.spring.support.RocketMQMessages;
import org.springframework.aop.support.AopUtils;
import org.springframework.core.ResolvableType;
import org.springframework.messaging.Message;

import java.lang.reflect.Type;

/**
 * Converts a delivered message to the listener's parameter type and calls the listener. The type is read from the
 * bean's {@code RocketMQListener<T>} or {@code RocketMQReplyListener<T, R>} declaration: {@code String},
 * {@code byte[]}, the client's {@code MessageExt}, Spring's {@code Message<X>} (payload converted to {@code X},
 * {@code byte[]} when unspecified), or any POJO/generic type read as JSON. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ListenerInvoker {

    private final Object listener;
    private final Type parameterType;
    private final RocketMQMessageConverter converter;

    /**
     * @param listener a {@link RocketMQListener} or {@link RocketMQReplyListener}
     * @param converter body converter
     */
    public ListenerInvoker(Object listener, RocketMQMessageConverter converter) {
        if (!(listener instanceof RocketMQListener<?>) && !(listener instanceof RocketMQReplyListener<?, ?>)) {
            throw new IllegalArgumentException(listener.getClass().getName() + " must implement RocketMQListener or "
                + "RocketMQReplyListener");
        }
        this.listener = listener;
        this.converter = converter;
        Class<?> type = AopUtils.getTargetClass(listener);
        Class<?> contract = listener instanceof RocketMQListener<?> ? RocketMQListener.class : RocketMQReplyListener.class;
        ResolvableType generic = ResolvableType.forClass(type).as(contract).getGeneric(0);
        Class<?> resolved = generic.resolve(Object.class);
        // a type variable bound in a superclass resolves to its class; declared generics keep their full type
        this.parameterType = generic.hasGenerics() && !(generic.getType() instanceof java.lang.reflect.TypeVariable<?>)
            ? generic.getType() : resolved;
    }

    /** @return whether the listener answers requests */
    public boolean isReplying() {
        return listener instanceof RocketMQReplyListener<?, ?>;
    }

    /** @return the listener's parameter type */
    public Type parameterType() {
        return parameterType;
    }

    /**
     * @param message the delivered message
     * @return the reply of a {@link RocketMQReplyListener}, else {@code null}
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public Object invoke(MessageExt message) {
        Object argument = convert(message);
        if (listener instanceof RocketMQListener l) {
            l.onMessage(argument);
            return null;
        }
        return ((RocketMQReplyListener) listener).onMessage(argument);
    }

    /** @param message the delivered message @return the listener's argument */
    public Object convert(MessageExt message) {
        ResolvableType type = ResolvableType.forType(parameterType);
        Class<?> raw = type.resolve(Object.class);
        if (raw.isInstance(message) && raw != Object.class) {
            return message;
        }
        if (Message.class.isAssignableFrom(raw)) {
            ResolvableType payload = type.getGeneric(0);
            Type payloadType = payload.resolve() == null || payload.resolve() == Object.class
                ? byte[].class : payload.getType();
            return RocketMQMessages.toSpringMessage(message, converter.fromBytes(message.getBody(), payloadType));
        }
        if (raw == Object.class) {
            return message.getBody();
        }
        return converter.fromBytes(message.getBody(), parameterType);
    }
}
