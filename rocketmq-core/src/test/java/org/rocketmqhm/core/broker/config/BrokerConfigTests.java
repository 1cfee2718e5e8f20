package org.rocketmqhm.core.broker.config;

import org.rocketmqhm.core.common.config.ConfigBinder;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.store.config.BrokerRole;

import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerConfigTests {

    @Test
    void apacheKeysBindByName() {
        Properties p = new Properties();
        p.setProperty("brokerClusterName", "C1");
        p.setProperty("brokerName", "broker-b");
        p.setProperty("brokerIP1", "10.0.0.1");
        p.setProperty("listenPort", "10921");
        p.setProperty("namesrvAddr", "a:9876;b:9876");
        p.setProperty("autoCreateTopicEnable", "false");
        p.setProperty("brokerRole", "sync_master");
        p.setProperty("unknownKey", "ignored");
        BrokerConfig config = new BrokerConfig();
        ConfigBinder.bind(p, config);
        config.validate();
        assertThat(config.getBrokerClusterName()).isEqualTo("C1");
        assertThat(config.getBrokerIP1()).isEqualTo("10.0.0.1");
        assertThat(config.getListenPort()).isEqualTo(10921);
        assertThat(config.namesrvAddressList()).containsExactly("a:9876", "b:9876");
        assertThat(config.isAutoCreateTopicEnable()).isFalse();
        assertThat(config.getBrokerRole()).isEqualTo(BrokerRole.SYNC_MASTER);
        assertThat(ConfigBinder.describe(config)).containsEntry("brokerIP1", "10.0.0.1");
    }

    @Test
    void invalidValuesNameTheKey() {
        Properties p = new Properties();
        p.setProperty("listenPort", "abc");
        assertThatThrownBy(() -> ConfigBinder.bind(p, new BrokerConfig())).hasMessageContaining("listenPort");
        BrokerConfig config = new BrokerConfig();
        config.setDefaultTopicQueueNums(0);
        assertThatThrownBy(config::validate).hasMessageContaining("defaultTopicQueueNums");
        BrokerConfig slave = new BrokerConfig();
        slave.setBrokerRole(BrokerRole.SLAVE);
        assertThatThrownBy(slave::validate).hasMessageContaining("brokerId");
        BrokerConfig badNamesrv = new BrokerConfig();
        badNamesrv.setNamesrvAddr("nohost");
        assertThatThrownBy(badNamesrv::validate).hasMessageContaining("namesrvAddr");
    }
}
