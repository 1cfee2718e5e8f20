package org.rocketmqhm.core.broker.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.common.message.MessageProperties;

/** The decorated string decodes to the map the broker used to build with decode, put and remove. */
class StoredPropertiesDecoratorTests {

    private static final List<String> CLIENT = List.of("", "UNIQ_KEY\u0001ABC\u0002WAIT\u0001true\u0002TAGS\u0001t\u0002",
        "WAIT\u0001false\u0002KEYS\u0001a b", "WAIT\u0001false\u0002WAIT\u0001true\u0002x\u0001y",
        "CLUSTER\u0001old\u0002MSG_REGION\u0001r\u0002TRACE_ON\u0001false\u0002\u0002bad\u0002K\u0001v");

    @Test
    void decodesToTheMapTheBrokerUsedToStore() {
        for (boolean region : List.of(true, false)) {
            BrokerConfig config = new BrokerConfig();
            config.setMsgRegionPropertiesEnable(region);
            StoredPropertiesDecorator decorator = new StoredPropertiesDecorator(config);
            for (String client : CLIENT) {
                assertThat(MessageProperties.decode(decorator.decorate(client)))
                    .as("region %s, client %s", region, client).isEqualTo(mapWay(config, client));
            }
        }
    }

    @Test
    void keepsTheClientOrderAndAppendsTheBrokerProperties() {
        BrokerConfig config = new BrokerConfig();
        String stored = new StoredPropertiesDecorator(config)
            .decorate("UNIQ_KEY\u0001ABC\u0002WAIT\u0001true\u0002TAGS\u0001t\u0002");
        assertThat(stored).startsWith("UNIQ_KEY\u0001ABC\u0002TAGS\u0001t\u0002CLUSTER\u0001"
            + config.getBrokerClusterName());
    }

    private static Map<String, String> mapWay(BrokerConfig config, String client) {
        Map<String, String> properties = MessageProperties.decode(client);
        properties.put("CLUSTER", config.getBrokerClusterName());
        if (config.isMsgRegionPropertiesEnable()) {
            properties.put("MSG_REGION", config.getRegionId());
            properties.put("TRACE_ON", String.valueOf(config.isTraceOn()));
        }
        if ("true".equals(properties.get("WAIT"))) {
            properties.remove("WAIT");
        }
        return properties;
    }
}
