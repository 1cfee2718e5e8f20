package org.rocketmqhm.spring.autoconfigure;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.spring.annotation.MessageModel;
import org.rocketmqhm.spring.annotation.SelectorType;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.rocketmqhm.spring.support.RocketMQMessageConverter;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class RocketMQAutoConfigurationTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class));

    @Test
    void runWithoutNameServerShouldBackOff() {
        contextRunner.run(ctx -> assertThat(ctx).doesNotHaveBean(RocketMQProperties.class)
            .doesNotHaveBean(RocketMQMessageConverter.class));
    }

    @Test
    void runWithNameServerShouldCreateConverter() {
        contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:9876")
            .run(ctx -> assertThat(ctx).hasSingleBean(RocketMQProperties.class)
                .hasSingleBean(RocketMQMessageConverter.class));
    }

    @Test
    void propertiesShouldBind() {
        contextRunner.withPropertyValues("rocketmq.name-server=a:1;b:2", "rocketmq.access-channel=LOCAL",
                "rocketmq.producer.group=pg", "rocketmq.producer.send-message-timeout=5000",
                "rocketmq.producer.retry-times-when-send-failed=4", "rocketmq.producer.retry-next-server=true",
                "rocketmq.producer.compress-message-body-threshold=1024", "rocketmq.producer.max-message-size=2048",
                "rocketmq.producer.namespace=ns", "rocketmq.producer.enable-msg-trace=true",
                "rocketmq.consumer.group=cg", "rocketmq.consumer.topic=ct", "rocketmq.consumer.selector-type=SQL92",
                "rocketmq.consumer.pull-batch-size=32", "rocketmq.consumer.listeners.cg.ct=false",
                "rocketmq.pull-consumer.group=pcg", "rocketmq.pull-consumer.message-model=BROADCASTING",
                "rocketmq.pull-consumer.poll-timeout=2s")
            .run(ctx -> {
                RocketMQProperties p = ctx.getBean(RocketMQProperties.class);
                assertThat(p.getNameServer()).isEqualTo("a:1;b:2");
                assertThat(p.getAccessChannel()).isEqualTo("LOCAL");
                assertThat(p.getProducer().getGroup()).isEqualTo("pg");
                assertThat(p.getProducer().getSendMessageTimeout()).isEqualTo(Duration.ofSeconds(5));
                assertThat(p.getProducer().getRetryTimesWhenSendFailed()).isEqualTo(4);
                assertThat(p.getProducer().isRetryNextServer()).isTrue();
                assertThat(p.getProducer().getCompressMessageBodyThreshold()).isEqualTo(1024);
                assertThat(p.getProducer().getMaxMessageSize()).isEqualTo(2048);
                assertThat(p.getProducer().getNamespace()).isEqualTo("ns");
                assertThat(p.getProducer().isEnableMsgTrace()).isTrue();
                assertThat(p.getConsumer().getSelectorType()).isEqualTo(SelectorType.SQL92);
                assertThat(p.getConsumer().getPullBatchSize()).isEqualTo(32);
                assertThat(p.getConsumer().isListenerEnabled("cg", "ct")).isFalse();
                assertThat(p.getConsumer().isListenerEnabled("cg", "other")).isTrue();
                assertThat(p.getConsumer().isListenerEnabled("other", "ct")).isTrue();
                assertThat(p.getPullConsumer().getGroup()).isEqualTo("pcg");
                assertThat(p.getPullConsumer().getMessageModel()).isEqualTo(MessageModel.BROADCASTING);
                assertThat(p.getPullConsumer().getPollTimeout()).isEqualTo(Duration.ofSeconds(2));
            });
    }

    @Test
    void defaultsMatchApacheStarter() {
        RocketMQProperties p = new RocketMQProperties();
        assertThat(p.getProducer().getSendMessageTimeout()).isEqualTo(Duration.ofMillis(3000));
        assertThat(p.getProducer().getRetryTimesWhenSendFailed()).isEqualTo(2);
        assertThat(p.getProducer().getRetryTimesWhenSendAsyncFailed()).isEqualTo(2);
        assertThat(p.getProducer().getCompressMessageBodyThreshold()).isEqualTo(4096);
        assertThat(p.getProducer().getMaxMessageSize()).isEqualTo(4 * 1024 * 1024);
        assertThat(p.getProducer().getCustomizedTraceTopic()).isEqualTo("RMQ_SYS_TRACE_TOPIC");
        assertThat(p.getConsumer().getPullBatchSize()).isEqualTo(10);
        assertThat(p.getConsumer().getSelectorExpression()).isEqualTo("*");
    }

    @Test
    void converterUsesApplicationObjectMapper() {
        contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:9876")
            .withUserConfiguration(SnakeCaseMapper.class)
            .run(ctx -> {
                byte[] body = ctx.getBean(RocketMQMessageConverter.class).toBytes(new Pojo("x"));
                assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"order_id\":\"x\"}");
            });
    }

    @Test
    void userConverterShouldWin() {
        contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:9876")
            .withUserConfiguration(UserConverter.class)
            .run(ctx -> assertThat(ctx).hasSingleBean(RocketMQMessageConverter.class)
                .getBean(RocketMQMessageConverter.class).isSameAs(UserConverter.CONVERTER));
    }

    @Test
    void runWithoutJacksonShouldUsePlainConverter() {
        contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:9876")
            .withClassLoader(new FilteredClassLoader(ObjectMapper.class))
            .run(ctx -> assertThat(ctx).hasSingleBean(RocketMQMessageConverter.class));
    }

    @Test
    void templateExistsAsSoonAsNameServerIsSet() {
        contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:9876", "spring.application.name=billing")
            .run(ctx -> {
                assertThat(ctx).hasSingleBean(RocketMQTemplate.class).hasSingleBean(Producer.class);
                assertThat(ctx).getBean("rocketMQTemplate").isInstanceOf(RocketMQTemplate.class);
                assertThat(ctx.getBean(Producer.class).getProducerGroup()).isEqualTo("billing");
                assertThat(ctx.getBean(RocketMQTemplate.class).isRunning()).isTrue();
            });
    }

    @Test
    void producerGroupFallsBackToDefault() {
        contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:9876")
            .run(ctx -> assertThat(ctx.getBean(Producer.class).getProducerGroup()).isEqualTo("DEFAULT_PRODUCER"));
    }

    @Test
    void producerSettingsAndNamespaceApplied() {
        contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:9876", "rocketmq.producer.group=pg",
                "rocketmq.producer.namespace=ns", "rocketmq.producer.send-message-timeout=2s",
                "rocketmq.producer.retry-times-when-send-failed=5", "rocketmq.producer.max-message-size=1000")
            .withUserConfiguration(Customizer.class)
            .run(ctx -> {
                Producer producer = ctx.getBean(Producer.class);
                assertThat(producer.getProducerGroup()).isEqualTo("ns%pg");
                assertThat(producer.getSendMsgTimeoutMillis()).isEqualTo(2000);
                assertThat(producer.getRetryTimesWhenSendFailed()).isEqualTo(5);
                assertThat(producer.getMaxMessageSize()).isEqualTo(1000);
                assertThat(producer.getDefaultTopicQueueNums()).as("customized").isEqualTo(8);
                assertThat(producer.getNamesrvAddr()).isEqualTo("127.0.0.1:9876");
            });
    }

    @Test
    void userProducerAndTemplateShouldWin() {
        contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:9876")
            .withUserConfiguration(UserBeans.class)
            .run(ctx -> {
                assertThat(ctx).hasSingleBean(Producer.class).hasSingleBean(RocketMQTemplate.class);
                assertThat(ctx.getBean(Producer.class).getProducerGroup()).isEqualTo("mine");
                assertThat(ctx.getBean(RocketMQTemplate.class)).isInstanceOf(MyTemplate.class);
            });
    }

    @Test
    void noTemplateWithoutNameServer() {
        contextRunner.run(ctx -> assertThat(ctx).doesNotHaveBean(RocketMQTemplate.class).doesNotHaveBean(Producer.class));
    }

    static class MyTemplate extends RocketMQTemplate {
    }

    @Configuration(proxyBeanMethods = false)
    static class UserBeans {
        @Bean
        Producer myProducer() {
            return new Producer("mine");
        }

        @Bean
        RocketMQTemplate rocketMQTemplate() {
            return new MyTemplate();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Customizer {
        @Bean
        RocketMQProducerCustomizer queues() {
            return producer -> producer.setDefaultTopicQueueNums(8);
        }
    }

    record Pojo(String orderId) {
    }

    @Configuration(proxyBeanMethods = false)
    static class SnakeCaseMapper {
        @Bean
        ObjectMapper objectMapper() {
            return new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class UserConverter {
        static final RocketMQMessageConverter CONVERTER = new RocketMQMessageConverter(null);

        @Bean
        RocketMQMessageConverter myConverter() {
            return CONVERTER;
        }
    }
}
