package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.client.ClientChannel;
import org.rocketmqhm.core.broker.client.ConsumerGroupInfo;
import org.rocketmqhm.core.broker.client.ConsumerRegistry;
import org.rocketmqhm.core.broker.client.ProducerRegistry;
import org.rocketmqhm.core.broker.offset.ConsumerOffsetManager;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.Connection;
import org.rocketmqhm.core.protocol.body.ConsumeStats;
import org.rocketmqhm.core.protocol.body.ConsumerConnection;
import org.rocketmqhm.core.protocol.body.GroupList;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.body.OffsetWrapper;
import org.rocketmqhm.core.protocol.body.ProducerConnection;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.header.ConsumerGroupRequestHeader;
import org.rocketmqhm.core.protocol.header.GetConsumeStatsRequestHeader;
import org.rocketmqhm.core.protocol.header.ProducerGroupRequestHeader;
import org.rocketmqhm.core.protocol.header.TopicRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import org.rocketmqhm.core.protocol.body.ProducerInfo;
import org.rocketmqhm.core.protocol.body.ProducerTableInfo;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Consumer and producer observation for admin tools: GET_CONSUME_STATS (208), GET_CONSUMER_CONNECTION_LIST (203),
 * GET_PRODUCER_CONNECTION_LIST (204), QUERY_TOPIC_CONSUME_BY_WHO (300), GET_ALL_CONSUMER_OFFSET (43) and
 * GET_ALL_PRODUCER_INFO (328, every producer group with its connections).
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class ConsumerAdminProcessor implements RequestProcessor {

    private final String brokerName;
    private final ConsumerRegistry consumers;
    private final ProducerRegistry producers;
    private final ConsumerOffsetManager offsets;
    private final TopicConfigManager topics;
    private final MessageStore store;

    public ConsumerAdminProcessor(String brokerName, ConsumerRegistry consumers, ProducerRegistry producers,
                                  ConsumerOffsetManager offsets, TopicConfigManager topics, MessageStore store) {
        this.brokerName = brokerName;
        this.consumers = consumers;
        this.producers = producers;
        this.offsets = offsets;
        this.topics = topics;
        this.store = store;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        return switch (request.getCode()) {
            case RequestCode.GET_CONSUME_STATS -> consumeStats(request);
            case RequestCode.GET_CONSUMER_CONNECTION_LIST -> consumerConnections(request);
            case RequestCode.GET_PRODUCER_CONNECTION_LIST -> producerConnections(request);
            case RequestCode.QUERY_TOPIC_CONSUME_BY_WHO -> consumedBy(request);
            case RequestCode.GET_ALL_CONSUMER_OFFSET -> ok(RemotingJson.encode(offsets.snapshot()));
            case RequestCode.GET_ALL_PRODUCER_INFO -> ok(RemotingJson.encode(allProducers()));
            default -> throw new RemotingCommandException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        };
    }

    private RemotingCommand consumeStats(RemotingCommand request) throws RemotingCommandException {
        GetConsumeStatsRequestHeader h = request.decodeHeader(GetConsumeStatsRequestHeader.class);
        Set<String> topicNames = h.topic() == null || h.topic().isBlank() ? offsets.topicsOf(h.consumerGroup())
            : Set.of(h.topic());
        Map<MessageQueue, OffsetWrapper> table = new HashMap<>();
        for (String name : topicNames) {
            TopicConfig topic = topics.get(name);
            if (topic == null) {
                continue;
            }
            for (int q = 0; q < topic.getReadQueueNums(); q++) {
                long brokerOffset = Math.max(0, store.getMaxOffsetInQueue(name, q));
                long consumerOffset = Math.max(0, offsets.query(h.consumerGroup(), name, q));
                long last = consumerOffset > 0 ? store.getMessageStoreTimestamp(name, q, consumerOffset - 1) : 0;
                table.put(new MessageQueue(name, brokerName, q), new OffsetWrapper(brokerOffset, consumerOffset,
                    Math.max(0, last)));
            }
        }
        return ok(RemotingJson.encode(new ConsumeStats(table, 0)));
    }

    private RemotingCommand consumerConnections(RemotingCommand request) throws RemotingCommandException {
        ConsumerGroupRequestHeader h = request.decodeHeader(ConsumerGroupRequestHeader.class);
        ConsumerGroupInfo group = consumers.group(h.consumerGroup());
        if (group == null || group.isEmpty()) {
            return RemotingCommand.response(ResponseCode.CONSUMER_NOT_ONLINE,
                "the consumer group[" + h.consumerGroup() + "] not online");
        }
        Set<Connection> connections = new HashSet<>();
        for (ClientChannel member : group.members()) {
            connections.add(member.toConnection());
        }
        return ok(RemotingJson.encode(new ConsumerConnection(connections, new HashMap<>(group.subscriptions()),
            group.consumeType(), group.messageModel(), group.consumeFromWhere())));
    }

    private RemotingCommand producerConnections(RemotingCommand request) throws RemotingCommandException {
        ProducerGroupRequestHeader h = request.decodeHeader(ProducerGroupRequestHeader.class);
        Set<Connection> connections = new HashSet<>();
        for (ClientChannel member : producers.members(h.producerGroup())) {
            connections.add(member.toConnection());
        }
        if (connections.isEmpty()) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                "the producer group[" + h.producerGroup() + "] not exist");
        }
        return ok(RemotingJson.encode(new ProducerConnection(connections)));
    }

    private ProducerTableInfo allProducers() {
        Map<String, List<ProducerInfo>> table = new HashMap<>();
        producers.snapshot().forEach((group, members) -> {
            List<ProducerInfo> infos = new ArrayList<>(members.size());
            for (ClientChannel member : members) {
                Connection c = member.toConnection();
                infos.add(new ProducerInfo(c.clientId(), c.clientAddr(), c.language(), c.version(),
                    member.lastUpdateTimestamp()));
            }
            table.put(group, infos);
        });
        return new ProducerTableInfo(table);
    }

    private RemotingCommand consumedBy(RemotingCommand request) throws RemotingCommandException {
        TopicRequestHeader h = request.decodeHeader(TopicRequestHeader.class);
        Set<String> groups = new HashSet<>(consumers.groupsSubscribing(h.topic()));
        groups.addAll(offsets.groupsOf(h.topic()));
        return ok(RemotingJson.encode(new GroupList(groups)));
    }

    private static RemotingCommand ok(byte[] body) {
        return RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(body);
    }
}
