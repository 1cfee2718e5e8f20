package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.broker.offset.ConsumerOffsetManager;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.TopicFilterType;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.body.TopicOffset;
import org.rocketmqhm.core.protocol.body.TopicStatsTable;
import org.rocketmqhm.core.protocol.header.CreateTopicRequestHeader;
import org.rocketmqhm.core.protocol.header.TopicRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;
import org.rocketmqhm.core.store.config.BrokerRole;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import org.rocketmqhm.core.protocol.body.TopicList;
import java.util.Set;

/**
 * Topic administration: UPDATE_AND_CREATE_TOPIC (17), GET_ALL_TOPIC_CONFIG (21), GET_TOPIC_STATS_INFO (202),
 * DELETE_TOPIC_IN_BROKER (215), GET_SYSTEM_TOPIC_LIST_FROM_BROKER (305, a TopicList of the built-in topics) and
 * CLEAN_UNUSED_TOPIC (316, drops consume queues of topics without configuration) and CLEAN_EXPIRED_CONSUMEQUEUE
 * (306, drops consume queues whose messages all left the commit log). Changes go through the
 * {@link TopicConfigManager}, whose listeners re-register the broker with the name servers. Thread-safe.
 *
 * @since 0.1.0
 */
public final class TopicAdminProcessor implements RequestProcessor {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(TopicAdminProcessor.class);

    private final BrokerConfig config;
    private final TopicConfigManager topics;
    private final ConsumerOffsetManager offsets;
    private final MessageStore store;

    public TopicAdminProcessor(BrokerConfig config, TopicConfigManager topics, ConsumerOffsetManager offsets,
                               MessageStore store) {
        this.config = config;
        this.topics = topics;
        this.offsets = offsets;
        this.store = store;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        return switch (request.getCode()) {
            case RequestCode.UPDATE_AND_CREATE_TOPIC -> create(request);
            case RequestCode.GET_ALL_TOPIC_CONFIG -> RemotingCommand.response(ResponseCode.SUCCESS, null)
                .setBody(RemotingJson.encode(topics.snapshot()));
            case RequestCode.GET_TOPIC_STATS_INFO -> stats(request);
            case RequestCode.DELETE_TOPIC_IN_BROKER -> delete(request);
            case RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER -> RemotingCommand.response(ResponseCode.SUCCESS, null)
                .setBody(RemotingJson.encode(new TopicList(topics.systemTopicNames(), null)));
            case RequestCode.CLEAN_UNUSED_TOPIC -> cleanUnused();
            case RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE -> cleanExpired();
            default -> throw new RemotingCommandException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        };
    }

    private RemotingCommand create(RemotingCommand request) throws RemotingCommandException {
        CreateTopicRequestHeader h = request.decodeHeader(CreateTopicRequestHeader.class);
        String invalid = SystemTopics.validateTopicName(h.topic());
        if (invalid != null) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, invalid);
        }
        if (SystemTopics.isSystemTopic(h.topic()) || h.topic().equals(config.getBrokerClusterName())) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                "The topic[" + h.topic() + "] is conflict with system topic.");
        }
        if (config.getBrokerRole() == BrokerRole.SLAVE) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "slave broker can not create topics");
        }
        TopicConfig topic = new TopicConfig(h.topic(), h.readQueueNums(), h.writeQueueNums(), h.perm());
        try {
            topic.setTopicFilterType(TopicFilterType.valueOf(h.topicFilterType()));
        } catch (IllegalArgumentException e) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                "the custom field <topicFilterType> has an invalid value: " + h.topicFilterType());
        }
        topic.setTopicSysFlag(h.topicSysFlag() == null ? 0 : h.topicSysFlag());
        topic.setOrder(Boolean.TRUE.equals(h.order()));
        topics.update(topic);
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand stats(RemotingCommand request) throws RemotingCommandException {
        TopicRequestHeader h = request.decodeHeader(TopicRequestHeader.class);
        TopicConfig topic = topics.get(h.topic());
        if (topic == null) {
            return RemotingCommand.response(ResponseCode.TOPIC_NOT_EXIST,
                "topic[" + h.topic() + "] not exist");
        }
        Map<MessageQueue, TopicOffset> table = new HashMap<>();
        for (int q = 0; q < topic.getWriteQueueNums(); q++) {
            long min = Math.max(0, store.getMinOffsetInQueue(h.topic(), q));
            long max = Math.max(0, store.getMaxOffsetInQueue(h.topic(), q));
            long last = max > 0 ? store.getMessageStoreTimestamp(h.topic(), q, max - 1) : 0;
            table.put(new MessageQueue(h.topic(), config.getBrokerName(), q), new TopicOffset(min, max, last));
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null)
            .setBody(RemotingJson.encode(new TopicStatsTable(table)));
    }

    /**
     * Drops the consume queues of topics no longer configured (kept: the schedule topic and the transaction op
     * topic, which live without a topic configuration in Apache's broker).
     */
    private RemotingCommand cleanUnused() {
        Set<String> unused = new HashSet<>(store.consumeQueueTopics());
        unused.removeAll(topics.topicNames());
        unused.remove(SystemTopics.SCHEDULE_TOPIC);
        unused.remove(SystemTopics.TRANS_OP_HALF_TOPIC);
        if (!unused.isEmpty()) {
            log.info("cleaning the consume queues of unused topics {}", unused);
            store.deleteTopics(unused);
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand cleanExpired() {
        int removed = store.cleanExpiredConsumeQueues();
        log.info("clean expired consume queues on admin request: {} removed", removed);
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand delete(RemotingCommand request) throws RemotingCommandException {
        TopicRequestHeader h = request.decodeHeader(TopicRequestHeader.class);
        if (SystemTopics.isSystemTopic(h.topic())) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                "The topic[" + h.topic() + "] is conflict with system topic.");
        }
        topics.delete(h.topic());
        offsets.removeTopic(h.topic());
        store.deleteTopics(Set.of(h.topic()));
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }
}
