package org.rocketmqhm.brokerapp;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.common.config.ConfigBinder;
import org.rocketmqhm.core.namesrv.NamesrvConfig;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/configuration.md stays true: every key the platform reads is listed there. */
class ConfigurationReferenceTests {

    @Test
    void everyKeyIsDocumented() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "configuration.md"));
        for (Object config : new Object[] {new NamesrvConfig(), new BrokerConfig(), new MessageStoreConfig()}) {
            for (String key : ConfigBinder.describe(config).keySet()) {
                assertThat(doc).as("docs/configuration.md lists %s of %s", key, config.getClass().getSimpleName())
                    .contains("| `" + key + "` |");
            }
        }
    }
}
