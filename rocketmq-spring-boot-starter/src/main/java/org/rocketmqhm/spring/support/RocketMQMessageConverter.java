package org.rocketmqhm.spring.support;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.messaging.Message;
import org.springframework.messaging.converter.ByteArrayMessageConverter;
import org.springframework.messaging.converter.CompositeMessageConverter;
import org.springframework.messaging.converter.MappingJackson2MessageConverter;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.converter.MessageConverter;
import org.springframework.messaging.converter.StringMessageConverter;
import org.springframework.util.ClassUtils;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns payloads into message bodies and back: {@code byte[]} as is, {@code String} as UTF-8, anything else as
 * JSON with the given {@code ObjectMapper} (generic types included). Also exposes a Spring
 * {@link MessageConverter} (byte array, string, Jackson) for {@code AbstractMessageSendingTemplate}. Thread-safe.
 *
 * @since 0.1.0
 */
public class RocketMQMessageConverter {

    private static final boolean JACKSON_PRESENT =
        ClassUtils.isPresent("com.fasterxml.jackson.databind.ObjectMapper", RocketMQMessageConverter.class.getClassLoader());

    private final Object objectMapper;
    private final CompositeMessageConverter messageConverter;

    /** Uses a plain {@code ObjectMapper} when Jackson is on the class path. */
    public RocketMQMessageConverter() {
        this(JACKSON_PRESENT ? JacksonSupport.newMapper() : null);
    }

    /** @param objectMapper the application's {@code ObjectMapper}, or {@code null} when Jackson is absent */
    public RocketMQMessageConverter(Object objectMapper) {
        this.objectMapper = objectMapper;
        List<MessageConverter> converters = new ArrayList<>();
        converters.add(new ByteArrayMessageConverter());
        converters.add(new StringMessageConverter(StandardCharsets.UTF_8));
        if (objectMapper != null) {
            converters.add(JacksonSupport.converter(objectMapper));
        }
        this.messageConverter = new CompositeMessageConverter(converters);
    }

    /** @return the Spring converter used by {@code convertAndSend} */
    public MessageConverter getMessageConverter() {
        return messageConverter;
    }

    /**
     * @param payload a payload, or a Spring {@link Message} whose payload is used
     * @return the body bytes
     * @throws MessageConversionException when the payload cannot be serialized
     */
    public byte[] toBytes(Object payload) {
        if (payload instanceof Message<?> message) {
            return toBytes(message.getPayload());
        }
        if (payload instanceof byte[] bytes) {
            return bytes;
        }
        if (payload instanceof String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (objectMapper == null) {
            throw new MessageConversionException("cannot convert " + payload.getClass().getName()
                + " to a message body without Jackson on the class path");
        }
        return JacksonSupport.write(objectMapper, payload);
    }

    /**
     * @param body message body
     * @param type target type, generic types included
     * @return the body as {@code type}
     * @throws MessageConversionException when the body cannot be read as {@code type}
     */
    public Object fromBytes(byte[] body, Type type) {
        if (type == byte[].class || type == Object.class) {
            return body;
        }
        if (type == String.class || type == CharSequence.class) {
            return new String(body, StandardCharsets.UTF_8);
        }
        if (objectMapper == null) {
            throw new MessageConversionException("cannot read a message body as " + type.getTypeName()
                + " without Jackson on the class path");
        }
        return JacksonSupport.read(objectMapper, body, type);
    }

    /** Keeps Jackson types out of the outer class's signatures so that Jackson stays optional. */
    private static final class JacksonSupport {

        static Object newMapper() {
            return new ObjectMapper().findAndRegisterModules();
        }

        static MessageConverter converter(Object mapper) {
            MappingJackson2MessageConverter converter = new MappingJackson2MessageConverter();
            converter.setObjectMapper((ObjectMapper) mapper);
            return converter;
        }

        static byte[] write(Object mapper, Object payload) {
            try {
                return ((ObjectMapper) mapper).writeValueAsBytes(payload);
            } catch (IOException e) {
                throw new MessageConversionException("cannot write " + payload.getClass().getName() + " as JSON", e);
            }
        }

        static Object read(Object mapper, byte[] body, Type type) {
            ObjectMapper objectMapper = (ObjectMapper) mapper;
            JavaType javaType = objectMapper.constructType(type);
            try {
                return objectMapper.readValue(body, javaType);
            } catch (IOException e) {
                throw new MessageConversionException("cannot read message body as " + type.getTypeName(), e);
            }
        }
    }
}
