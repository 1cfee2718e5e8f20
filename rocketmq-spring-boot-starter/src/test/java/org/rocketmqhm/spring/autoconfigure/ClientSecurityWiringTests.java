package org.rocketmqhm.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.client.AccessChannel;
import org.rocketmqhm.core.client.consumer.LitePullConsumer;
import org.rocketmqhm.core.client.producer.Producer;
import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.rocketmqhm.spring.support.ClientSecurity;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** rocketmq.* namespace, ACL, TLS and access-channel settings reach the clients the starter builds. */
class ClientSecurityWiringTests {

    private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(RocketMQAutoConfiguration.class));

    @Test
    void producerPropertiesReachTheTemplatesProducer() {
        contextRunner.withPropertyValues("rocketmq.name-server=127.0.0.1:9876", "rocketmq.producer.group=pg",
                "rocketmq.producer.namespace=tenant", "rocketmq.producer.access-key=ak-value",
                "rocketmq.producer.secret-key=sk-value", "rocketmq.producer.tls-enable=true",
                "rocketmq.access-channel=cloud")
            .run(ctx -> {
                Producer producer = ctx.getBean(RocketMQTemplate.class).getProducer();
                assertThat(producer.getNamespace()).isEqualTo("tenant");
                assertThat(producer.getAccessKey()).isEqualTo("ak-value");
                assertThat(producer.getSecretKey()).isEqualTo("sk-value");
                assertThat(producer.isTlsEnable()).isTrue();
                assertThat(producer.getAccessChannel()).isEqualTo(AccessChannel.CLOUD);
                assertThat(producer.withNamespace("orders")).isEqualTo("tenant%orders");
            });
    }

    @Test
    void pullConsumerPropertiesReachTheLitePullConsumer() {
        RocketMQProperties properties = new RocketMQProperties();
        properties.getPullConsumer().setGroup("pcg");
        properties.getPullConsumer().setTopic("pt");
        properties.getPullConsumer().setNamespace("tenant");
        properties.getPullConsumer().setAccessKey("ak-value");
        properties.getPullConsumer().setSecretKey("sk-value");
        properties.getPullConsumer().setTlsEnable(true);
        LitePullConsumer consumer = PullConsumerFactory.create("127.0.0.1:9876",
            PullConsumerFactory.effective(properties), "LOCAL");
        assertThat(consumer.getNamespace()).isEqualTo("tenant");
        assertThat(consumer.getAccessKey()).isEqualTo("ak-value");
        assertThat(consumer.isTlsEnable()).isTrue();
        assertThat(consumer.getAccessChannel()).isEqualTo(AccessChannel.LOCAL);
    }

    @Test
    void unknownAccessChannelIsRejected() {
        assertThatThrownBy(() -> ClientSecurity.parseAccessChannel("moon"))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LOCAL or CLOUD");
    }
}
