package org.rocketmqhm.spring.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.spring.support.RocketMQMessageConverter;
import org.springframework.messaging.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ListenerInvokerTests {

    record Order(String id, int amount) {
    }

    private final RocketMQMessageConverter converter = new RocketMQMessageConverter(new ObjectMapper());
    private static final AtomicReference<Object> LAST = new AtomicReference<>();

    static class Strings implements RocketMQListener<String> {
        public void onMessage(String m) {
            LAST.set(m);
        }
    }

    static class Bytes implements RocketMQListener<byte[]> {
        public void onMessage(byte[] m) {
            LAST.set(m);
        }
    }

    static class Orders implements RocketMQListener<Order> {
        public void onMessage(Order m) {
            LAST.set(m);
        }
    }

    static class OrderMap implements RocketMQListener<Map<String, List<Order>>> {
        public void onMessage(Map<String, List<Order>> m) {
            LAST.set(m);
        }
    }

    static class Exts implements RocketMQListener<MessageExt> {
        public void onMessage(MessageExt m) {
            LAST.set(m);
        }
    }

    static class RawMessages implements RocketMQListener<Message<?>> {
        public void onMessage(Message<?> m) {
            LAST.set(m);
        }
    }

    static class Doubler implements RocketMQReplyListener<Order, Order> {
        public Order onMessage(Order m) {
            return new Order(m.id(), m.amount() * 2);
        }
    }

    abstract static class Base<T> implements RocketMQListener<T> {
    }

    static class Inherited extends Base<Order> {
        public void onMessage(Order m) {
            LAST.set(m);
        }
    }

    private static MessageExt message(String body) {
        MessageExt m = new MessageExt();
        m.setTopic("t");
        m.setBody(body.getBytes(StandardCharsets.UTF_8));
        m.putUserProperty("color", "red");
        return m;
    }

    @Test
    void convertsToEachParameterKind() {
        new ListenerInvoker(new Strings(), converter).invoke(message("hi"));
        assertThat(LAST.get()).isEqualTo("hi");
        new ListenerInvoker(new Bytes(), converter).invoke(message("hi"));
        assertThat(LAST.get()).isEqualTo("hi".getBytes(StandardCharsets.UTF_8));
        new ListenerInvoker(new Orders(), converter).invoke(message("{\"id\":\"a\",\"amount\":1}"));
        assertThat(LAST.get()).isEqualTo(new Order("a", 1));
        new ListenerInvoker(new OrderMap(), converter).invoke(message("{\"k\":[{\"id\":\"a\",\"amount\":1}]}"));
        assertThat(LAST.get()).isEqualTo(Map.of("k", List.of(new Order("a", 1))));
        new ListenerInvoker(new Inherited(), converter).invoke(message("{\"id\":\"b\",\"amount\":2}"));
        assertThat(LAST.get()).isEqualTo(new Order("b", 2));
        MessageExt ext = message("x");
        new ListenerInvoker(new Exts(), converter).invoke(ext);
        assertThat(LAST.get()).isSameAs(ext);
        new ListenerInvoker(new RawMessages(), converter).invoke(message("x"));
        assertThat(((Message<?>) LAST.get()).getPayload()).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
        assertThat(((Message<?>) LAST.get()).getHeaders()).containsEntry("color", "red");
    }

    @Test
    void replyListenerReturnsItsReply() {
        ListenerInvoker invoker = new ListenerInvoker(new Doubler(), converter);
        assertThat(invoker.isReplying()).isTrue();
        assertThat(invoker.invoke(message("{\"id\":\"a\",\"amount\":4}"))).isEqualTo(new Order("a", 8));
    }

    @Test
    void lambdaListenerGetsRawBody() {
        RocketMQListener<Object> lambda = LAST::set;
        new ListenerInvoker(lambda, converter).invoke(message("x"));
        assertThat(LAST.get()).isEqualTo("x".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rejectsBeansThatAreNotListeners() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ListenerInvoker(new Object(), converter));
    }

    @Test
    void delayLevelsRoundUp() {
        assertThat(DelayLevels.levelFor(Duration.ZERO)).isZero();
        assertThat(DelayLevels.levelFor(Duration.ofMillis(1))).isEqualTo(1);
        assertThat(DelayLevels.levelFor(Duration.ofSeconds(5))).isEqualTo(2);
        assertThat(DelayLevels.levelFor(Duration.ofSeconds(6))).isEqualTo(3);
        assertThat(DelayLevels.levelFor(Duration.ofMinutes(1))).isEqualTo(5);
        assertThat(DelayLevels.levelFor(Duration.ofHours(2))).isEqualTo(18);
        assertThat(DelayLevels.levelFor(Duration.ofDays(1))).isEqualTo(18);
    }
}
