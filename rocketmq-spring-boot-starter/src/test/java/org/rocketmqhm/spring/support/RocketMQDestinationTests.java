package org.rocketmqhm.spring.support;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RocketMQDestinationTests {

    @Test
    void parseTopicOnly() {
        assertThat(RocketMQDestination.parse("orders")).isEqualTo(new RocketMQDestination("orders", null));
    }

    @Test
    void parseTopicAndTag() {
        assertThat(RocketMQDestination.parse(" orders : created ")).isEqualTo(new RocketMQDestination("orders", "created"));
        assertThat(RocketMQDestination.parse("orders:created").toString()).isEqualTo("orders:created");
    }

    @Test
    void parseEmptyTagMeansNoTag() {
        assertThat(RocketMQDestination.parse("orders:").tag()).isNull();
    }

    @Test
    void parseRejectsMissingTopic() {
        assertThatIllegalArgumentException().isThrownBy(() -> RocketMQDestination.parse(""));
        assertThatIllegalArgumentException().isThrownBy(() -> RocketMQDestination.parse(null));
        assertThatIllegalArgumentException().isThrownBy(() -> RocketMQDestination.parse(":tag"));
    }

    @Test
    void namespacesWrapUserNamesOnly() {
        assertThat(Namespaces.wrap("ns", "orders")).isEqualTo("ns%orders");
        assertThat(Namespaces.wrap("ns", "ns%orders")).isEqualTo("ns%orders");
        // Apache 4.9 rules: retry topics keep their prefix in front, system topics are never wrapped
        assertThat(Namespaces.wrap("ns", "%RETRY%g")).isEqualTo("%RETRY%ns%g");
        assertThat(Namespaces.wrap("ns", "TBW102")).isEqualTo("TBW102");
        assertThat(Namespaces.wrap("", "orders")).isEqualTo("orders");
        assertThat(Namespaces.unwrap("ns", "ns%orders")).isEqualTo("orders");
    }
}
