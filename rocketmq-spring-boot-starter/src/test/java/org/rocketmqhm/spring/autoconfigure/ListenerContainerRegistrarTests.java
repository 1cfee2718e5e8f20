package org.rocketmqhm.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.spring.annotation.MessageModel;
import org.rocketmqhm.spring.annotation.RocketMQMessageListener;
import org.rocketmqhm.spring.core.DefaultRocketMQListenerContainer;
import org.rocketmqhm.spring.core.ListenerConsumer;
import org.rocketmqhm.spring.core.ListenerConsumerFactory;
import org.rocketmqhm.spring.core.RocketMQListener;
import org.rocketmqhm.spring.support.ListenerEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Endpoint resolution and container registration, with a recording consumer factory (no broker). */
class ListenerContainerRegistrarTests {

    static final List<ListenerEndpoint> CREATED = new CopyOnWriteArrayList<>();

    @RocketMQMessageListener(topic = "${app.topic}", consumerGroup = "g1", messageModel = MessageModel.BROADCASTING,
        consumeThreadNumber = 3, maxReconsumeTimes = 5, namespace = "ns")
    static class First implements RocketMQListener<String> {
        public void onMessage(String message) {
        }
    }

    @RocketMQMessageListener(topic = "t2", consumerGroup = "g1", namespace = "ns")
    static class SameGroup implements RocketMQListener<String> {
        public void onMessage(String message) {
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Recording {
        @Bean
        ListenerConsumerFactory recordingFactory() {
            return (endpoint, handler) -> {
                CREATED.add(endpoint);
                return new ListenerConsumer() {
                    public void start() {
                    }

                    public void shutdown(long awaitMillis) {
                    }

                    public Object nativeConsumer() {
                        return this;
                    }
                };
            };
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class))
        .withPropertyValues("rocketmq.name-server=127.0.0.1:9876", "app.topic=orders");

    @Test
    void endpointResolvesPlaceholdersNamespaceAndDefaults() {
        CREATED.clear();
        runner.withUserConfiguration(Recording.class).withBean(First.class).run(ctx -> {
            assertThat(ctx).hasNotFailed();
            DefaultRocketMQListenerContainer container = ctx.getBean(DefaultRocketMQListenerContainer.class);
            assertThat(container.isRunning()).isTrue();
            assertThat(container.getState()).isEqualTo("RUNNING");
            ListenerEndpoint endpoint = CREATED.get(0);
            assertThat(endpoint.topic()).isEqualTo("ns%orders");
            assertThat(endpoint.consumerGroup()).isEqualTo("ns%g1");
            assertThat(endpoint.nameServer()).isEqualTo("127.0.0.1:9876");
            assertThat(endpoint.messageModel()).isEqualTo(MessageModel.BROADCASTING);
            assertThat(endpoint.consumeThreadNumber()).isEqualTo(3);
            assertThat(endpoint.maxReconsumeTimes()).isEqualTo(5);
            assertThat(endpoint.selectorExpression()).isEqualTo("*");
        });
        assertThat(CREATED).hasSize(1);
    }

    @Test
    void twoListenersInOneGroupAreRefused() {
        runner.withUserConfiguration(Recording.class).withPropertyValues("app.topic=t1")
            .withUserConfiguration(Both.class)
            .run(ctx -> assertThat(ctx).hasFailed().getFailure().hasMessageContaining("share consumer group"));
    }

    @Test
    void switchedOffListenerGetsNoContainer() {
        runner.withUserConfiguration(Recording.class).withBean(First.class)
            .withPropertyValues("rocketmq.consumer.listeners.g1.orders=false")
            .run(ctx -> assertThat(ctx).hasNotFailed().doesNotHaveBean(DefaultRocketMQListenerContainer.class));
    }

    @Test
    void defaultConsumerFactoryIsOurPushConsumer() {
        runner.run(ctx -> assertThat(ctx).hasNotFailed().getBean(ListenerConsumerFactory.class)
            .isInstanceOf(org.rocketmqhm.spring.core.PushListenerConsumerFactory.class));
    }

    @Test
    void applicationConsumerFactoryReplacesTheDefault() {
        runner.withUserConfiguration(Recording.class).run(ctx -> assertThat(ctx).hasNotFailed()
            .getBean(ListenerConsumerFactory.class)
            .isNotInstanceOf(org.rocketmqhm.spring.core.PushListenerConsumerFactory.class));
    }

    @Configuration(proxyBeanMethods = false)
    @Import({First.class, SameGroup.class})
    static class Both {
    }
}
