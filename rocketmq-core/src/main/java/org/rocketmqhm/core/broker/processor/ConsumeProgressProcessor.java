package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.client.ConsumerGroupInfo;
import org.rocketmqhm.core.broker.client.ConsumerRegistry;
import org.rocketmqhm.core.broker.offset.ConsumerOffsetManager;
import org.rocketmqhm.core.broker.stats.BrokerStats;
import org.rocketmqhm.core.broker.subscription.SubscriptionGroupManager;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.ConsumeStats;
import org.rocketmqhm.core.protocol.body.ConsumeStatsList;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.body.OffsetWrapper;
import org.rocketmqhm.core.protocol.body.QueryConsumeTimeSpanBody;
import org.rocketmqhm.core.protocol.body.QueryCorrectionOffsetBody;
import org.rocketmqhm.core.protocol.body.QueueTimeSpan;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.header.CloneGroupOffsetRequestHeader;
import org.rocketmqhm.core.protocol.header.GetConsumeStatsInBrokerHeader;
import org.rocketmqhm.core.protocol.header.QueryConsumeTimeSpanRequestHeader;
import org.rocketmqhm.core.protocol.header.QueryCorrectionOffsetHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Consumer progress for admin tools, across groups and queues: QUERY_CONSUME_TIME_SPAN (303),
 * QUERY_CORRECTION_OFFSET (308), CLONE_GROUP_OFFSET (314) and GET_BROKER_CONSUME_STATS (317).
 *
 * <p>A group with online consumers counts only the topics those consumers subscribe (314 skips the others, 317
 * leaves them out), as an Apache broker does. Thread-safe.
 *
 * @since 0.3.0
 */
public final class ConsumeProgressProcessor implements RequestProcessor {

    private final String brokerName;
    private final String brokerAddr;
    private final ConsumerRegistry consumers;
    private final ConsumerOffsetManager offsets;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final MessageStore store;
    private final BrokerStats stats;

    public ConsumeProgressProcessor(String brokerName, String brokerAddr, ConsumerRegistry consumers,
                                    ConsumerOffsetManager offsets, TopicConfigManager topics,
                                    SubscriptionGroupManager groups, MessageStore store, BrokerStats stats) {
        this.brokerName = brokerName;
        this.brokerAddr = brokerAddr;
        this.consumers = consumers;
        this.offsets = offsets;
        this.topics = topics;
        this.groups = groups;
        this.store = store;
        this.stats = stats;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        return switch (request.getCode()) {
            case RequestCode.QUERY_CONSUME_TIME_SPAN -> timeSpan(request);
            case RequestCode.QUERY_CORRECTION_OFFSET -> correctionOffset(request);
            case RequestCode.CLONE_GROUP_OFFSET -> cloneOffsets(request);
            case RequestCode.GET_BROKER_CONSUME_STATS -> brokerConsumeStats(request);
            default -> throw new RemotingCommandException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        };
    }

    private RemotingCommand timeSpan(RemotingCommand request) throws RemotingCommandException {
        QueryConsumeTimeSpanRequestHeader h = request.decodeHeader(QueryConsumeTimeSpanRequestHeader.class);
        TopicConfig topic = topics.get(h.topic());
        if (topic == null) {
            return RemotingCommand.response(ResponseCode.TOPIC_NOT_EXIST, "topic[" + h.topic() + "] not exist");
        }
        List<QueueTimeSpan> spans = new ArrayList<>();
        long now = System.currentTimeMillis();
        for (int q = 0; q < topic.getWriteQueueNums(); q++) {
            long minTime = store.getEarliestMessageTime(h.topic(), q);
            long maxOffset = store.getMaxOffsetInQueue(h.topic(), q);
            long maxTime = store.getMessageStoreTimestamp(h.topic(), q, maxOffset - 1);
            long consumerOffset = offsets.query(h.group(), h.topic(), q);
            long consumeTime = consumerOffset > 0
                ? store.getMessageStoreTimestamp(h.topic(), q, consumerOffset - 1) : minTime;
            long delay = 0;
            if (consumerOffset < maxOffset) {
                long nextTime = store.getMessageStoreTimestamp(h.topic(), q, Math.max(0, consumerOffset));
                delay = nextTime > 0 ? now - nextTime : 0;
            }
            spans.add(new QueueTimeSpan(new MessageQueue(h.topic(), brokerName, q), minTime, maxTime, consumeTime,
                delay));
        }
        return ok(RemotingJson.encode(new QueryConsumeTimeSpanBody(spans)));
    }

    private RemotingCommand correctionOffset(RemotingCommand request) throws RemotingCommandException {
        QueryCorrectionOffsetHeader h = request.decodeHeader(QueryCorrectionOffsetHeader.class);
        Set<String> excluded = new HashSet<>();
        if (h.filterGroups() != null) {
            for (String g : h.filterGroups().split(",")) {
                if (!g.isBlank()) {
                    excluded.add(g.trim());
                }
            }
        }
        Map<Integer, Long> correction = offsets.minOffsets(h.topic(), excluded,
            q -> store.getMinOffsetInQueue(h.topic(), q));
        // A queue where the compared group is already behind the minimum needs no correction: Long.MAX_VALUE.
        offsets.queryAll(h.compareGroup(), h.topic()).forEach((queueId, compared) -> {
            Long min = correction.get(queueId);
            if (min != null && min > compared) {
                correction.put(queueId, Long.MAX_VALUE);
            }
        });
        return ok(RemotingJson.encode(new QueryCorrectionOffsetBody(correction)));
    }

    private RemotingCommand cloneOffsets(RemotingCommand request) throws RemotingCommandException {
        CloneGroupOffsetRequestHeader h = request.decodeHeader(CloneGroupOffsetRequestHeader.class);
        Set<String> names = h.topic() == null || h.topic().isBlank() ? offsets.topicsOf(h.srcGroup())
            : Set.of(h.topic());
        for (String name : names) {
            if (topics.get(name) == null || (!h.offline() && !countsOnline(h.srcGroup(), name))) {
                continue;
            }
            offsets.cloneOffsets(h.srcGroup(), h.destGroup(), name);
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand brokerConsumeStats(RemotingCommand request) throws RemotingCommandException {
        request.decodeHeader(GetConsumeStatsInBrokerHeader.class);
        List<Map<String, List<ConsumeStats>>> all = new ArrayList<>();
        long totalDiff = 0;
        for (String group : new TreeSet<>(groups.snapshot().subscriptionGroupTable().keySet())) {
            List<ConsumeStats> perTopic = new ArrayList<>();
            for (String name : new TreeSet<>(offsets.topicsOf(group))) {
                TopicConfig topic = topics.get(name);
                if (topic == null || !countsOnline(group, name)) {
                    continue;
                }
                Map<MessageQueue, OffsetWrapper> table = new HashMap<>();
                for (int q = 0; q < topic.getWriteQueueNums(); q++) {
                    long brokerOffset = Math.max(0, store.getMaxOffsetInQueue(name, q));
                    long consumerOffset = Math.max(0, offsets.query(group, name, q));
                    long last = consumerOffset > 0 ? store.getMessageStoreTimestamp(name, q, consumerOffset - 1) : 0;
                    table.put(new MessageQueue(name, brokerName, q),
                        new OffsetWrapper(brokerOffset, consumerOffset, Math.max(0, last)));
                    totalDiff += brokerOffset - consumerOffset;
                }
                perTopic.add(new ConsumeStats(table, stats.groupGetTps(group, name)));
            }
            all.add(Map.of(group, perTopic));
        }
        return ok(RemotingJson.encode(new ConsumeStatsList(all, brokerAddr, totalDiff)));
    }

    /** @return false when the group has online consumers and none of them subscribes the topic */
    private boolean countsOnline(String group, String topic) {
        ConsumerGroupInfo info = consumers.group(group);
        return info == null || info.subscriptions().isEmpty() || info.subscription(topic) != null;
    }

    private static RemotingCommand ok(byte[] body) {
        return RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(body);
    }
}
