package org.rocketmqhm.core.client.impl;

import org.rocketmqhm.core.protocol.PermName;
import org.rocketmqhm.core.protocol.body.BrokerData;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.body.QueueData;
import org.rocketmqhm.core.protocol.body.TopicRouteData;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An immutable view of one topic's route: the queues producers may write (brokers with a master and the WRITE
 * bit), the queues consumers read, and broker addresses by name.
 *
 * @param topic topic name
 * @param data the name server's answer
 * @param writeQueues publish queues in route order
 * @param readQueues subscribe queues, sorted
 * @param brokers broker name to broker data
 */
public record TopicRoute(String topic, TopicRouteData data, List<MessageQueue> writeQueues,
                         List<MessageQueue> readQueues, Map<String, BrokerData> brokers) {

    public static TopicRoute of(String topic, TopicRouteData data) {
        return of(topic, data, Integer.MAX_VALUE);
    }

    /** @param maxQueues clamp on the queue count per broker (used for TBW102 auto-routes) */
    public static TopicRoute of(String topic, TopicRouteData data, int maxQueues) {
        Map<String, BrokerData> brokers = new HashMap<>();
        if (data.brokerDatas() != null) {
            data.brokerDatas().forEach(b -> brokers.put(b.brokerName(), b));
        }
        List<QueueData> queueDatas = new ArrayList<>(data.queueDatas() == null ? List.of() : data.queueDatas());
        queueDatas.sort(Comparator.comparing(QueueData::brokerName));
        List<MessageQueue> write = new ArrayList<>();
        List<MessageQueue> read = new ArrayList<>();
        for (QueueData q : queueDatas) {
            BrokerData broker = brokers.get(q.brokerName());
            if (PermName.isWriteable(q.perm()) && broker != null && broker.masterAddress() != null) {
                for (int i = 0; i < Math.min(q.writeQueueNums(), maxQueues); i++) {
                    write.add(new MessageQueue(topic, q.brokerName(), i));
                }
            }
            if (PermName.isReadable(q.perm())) {
                for (int i = 0; i < Math.min(q.readQueueNums(), maxQueues); i++) {
                    read.add(new MessageQueue(topic, q.brokerName(), i));
                }
            }
        }
        read.sort(null);
        return new TopicRoute(topic, data, List.copyOf(write), List.copyOf(read), Map.copyOf(brokers));
    }

    /** @return the master address of the broker, or null */
    public String masterAddress(String brokerName) {
        BrokerData broker = brokers.get(brokerName);
        return broker == null ? null : broker.masterAddress();
    }

    /** @return the master address, else any address of the broker, or null */
    public String anyAddress(String brokerName) {
        BrokerData broker = brokers.get(brokerName);
        return broker == null ? null : broker.anyAddress();
    }
}
