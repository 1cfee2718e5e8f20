package org.rocketmqhm.core.protocol.body;

import java.util.List;
import java.util.Map;

/** GET_ROUTEINFO_BY_TOPIC body: which brokers hold a topic and with how many queues. */
public record TopicRouteData(String orderTopicConf, List<QueueData> queueDatas, List<BrokerData> brokerDatas,
                             Map<String, List<String>> filterServerTable) {
}
