package org.rocketmqhm.spring.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageExt;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.support.MessageBuilder;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RocketMQMessagesTests {

    record Order(String id, int amount) {
    }

    private final RocketMQMessageConverter converter = new RocketMQMessageConverter(new ObjectMapper());

    @Test
    void stringPayloadIsUtf8() {
        Message out = RocketMQMessages.toClientMessage(RocketMQDestination.parse("t"),
            MessageBuilder.withPayload("héllo").build(), converter);
        assertThat(new String(out.getBody(), StandardCharsets.UTF_8)).isEqualTo("héllo");
        assertThat(out.getTopic()).isEqualTo("t");
        assertThat(out.getTags()).isNull();
    }

    @Test
    void bytePayloadIsKeptAsIs() {
        byte[] body = {1, 2, 3};
        Message out = RocketMQMessages.toClientMessage(RocketMQDestination.parse("t"),
            MessageBuilder.withPayload(body).build(), converter);
        assertThat(out.getBody()).isSameAs(body);
    }

    @Test
    void pojoPayloadIsJsonAndReadsBack() {
        Message out = RocketMQMessages.toClientMessage(RocketMQDestination.parse("t:tagA"),
            MessageBuilder.withPayload(new Order("o-1", 3)).build(), converter);
        assertThat(new String(out.getBody(), StandardCharsets.UTF_8)).isEqualTo("{\"id\":\"o-1\",\"amount\":3}");
        assertThat(out.getTags()).isEqualTo("tagA");
        assertThat(converter.fromBytes(out.getBody(), Order.class)).isEqualTo(new Order("o-1", 3));
    }

    @Test
    void genericTypesReadBack() {
        byte[] body = converter.toBytes(List.of(new Order("a", 1), new Order("b", 2)));
        Object read = converter.fromBytes(body, new TypeReference<List<Order>>() { }.getType());
        assertThat(read).isEqualTo(List.of(new Order("a", 1), new Order("b", 2)));
        Object map = converter.fromBytes("{\"k\":{\"id\":\"x\",\"amount\":5}}".getBytes(StandardCharsets.UTF_8),
            new TypeReference<Map<String, Order>>() { }.getType());
        assertThat(map).isEqualTo(Map.of("k", new Order("x", 5)));
    }

    @Test
    void unreadableBodyFailsWithConversionException() {
        assertThatExceptionOfType(MessageConversionException.class)
            .isThrownBy(() -> converter.fromBytes("not json".getBytes(StandardCharsets.UTF_8), Order.class));
    }

    @Test
    void headersBecomeAttributesAndUserProperties() {
        Message out = RocketMQMessages.toClientMessage(RocketMQDestination.parse("t"),
            MessageBuilder.withPayload("x")
                .setHeader(RocketMQHeaders.KEYS, List.of("k1", "k2"))
                .setHeader(RocketMQHeaders.TAGS, "fromHeader")
                .setHeader(RocketMQHeaders.DELAY, 3)
                .setHeader("rocketmq_FLAG", 7)
                .setHeader("color", "red")
                .setHeader("UNIQ_KEY", "must-not-leak")
                .build(), converter);
        assertThat(out.getKeys()).isEqualTo("k1 k2");
        assertThat(out.getTags()).isEqualTo("fromHeader");
        assertThat(out.getDelayTimeLevel()).isEqualTo(3);
        assertThat(out.getFlag()).isEqualTo(7);
        assertThat(out.getUserProperty("color")).isEqualTo("red");
        assertThat(out.getProperties()).doesNotContainKeys("id", "timestamp", "rocketmq_FLAG", "FLAG", "DELAY_x")
            .doesNotContainValue("must-not-leak");
    }

    @Test
    void destinationTagWinsOverTagsHeader() {
        Message out = RocketMQMessages.toClientMessage(RocketMQDestination.parse("t:fromDestination"),
            MessageBuilder.withPayload("x").setHeader(RocketMQHeaders.TAGS, "fromHeader").build(), converter);
        assertThat(out.getTags()).isEqualTo("fromDestination");
    }

    @Test
    void stringKeysHeaderIsUsedVerbatim() {
        Message out = RocketMQMessages.toClientMessage(RocketMQDestination.parse("t"),
            MessageBuilder.withPayload("x").setHeader("rocketmq_KEYS", "a b").build(), converter);
        assertThat(out.getKeyList()).containsExactly("a", "b");
    }

    @Test
    void receivedMessageExposesPrefixedHeaders() {
        MessageExt ext = new MessageExt();
        ext.setTopic("t");
        ext.setTags("tagA");
        ext.setKeys("k1");
        ext.setQueueId(2);
        ext.setQueueOffset(42);
        ext.setReconsumeTimes(1);
        ext.setBornTimestamp(1234L);
        ext.setBornHost(new InetSocketAddress("127.0.0.1", 5555));
        ext.setUniqKey("UNIQ");
        ext.putUserProperty("color", "red");

        org.springframework.messaging.Message<String> spring = RocketMQMessages.toSpringMessage(ext, "payload");
        assertThat(spring.getPayload()).isEqualTo("payload");
        assertThat(spring.getHeaders())
            .containsEntry("rocketmq_TOPIC", "t")
            .containsEntry("rocketmq_TAGS", "tagA")
            .containsEntry("rocketmq_KEYS", "k1")
            .containsEntry("rocketmq_QUEUE_ID", 2)
            .containsEntry("rocketmq_QUEUE_OFFSET", 42L)
            .containsEntry("rocketmq_RECONSUME_TIMES", 1)
            .containsEntry("rocketmq_BORN_TIMESTAMP", 1234L)
            .containsEntry("rocketmq_BORN_HOST", "127.0.0.1")
            .containsEntry("color", "red")
            .doesNotContainKeys("TAGS", "KEYS", "UNIQ_KEY");
        assertThat(spring.getHeaders().get("rocketmq_MESSAGE_ID")).isEqualTo(ext.getMsgId());
    }

    @Test
    void withoutJacksonOnlyStringAndBytesConvert() {
        RocketMQMessageConverter plain = new RocketMQMessageConverter(null);
        assertThat(plain.toBytes("a")).isEqualTo("a".getBytes(StandardCharsets.UTF_8));
        assertThat(plain.fromBytes("a".getBytes(StandardCharsets.UTF_8), String.class)).isEqualTo("a");
        assertThatExceptionOfType(MessageConversionException.class).isThrownBy(() -> plain.toBytes(new Order("a", 1)));
    }
}
