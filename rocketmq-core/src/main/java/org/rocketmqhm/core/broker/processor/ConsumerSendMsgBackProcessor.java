package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.broker.stats.BrokerStats;
import org.rocketmqhm.core.broker.subscription.SubscriptionGroupManager;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.PermName;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.SubscriptionGroupConfig;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;
import org.rocketmqhm.core.store.StoreMessage;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * CONSUMER_SEND_MSG_BACK (36), the algorithm of section 5.6: the failed message (looked up by commit-log offset)
 * is stored again in {@code %RETRY%<group>} with delay level {@code 3 + reconsumeTimes} (or the client's level) and
 * {@code reconsumeTimes + 1}, or in {@code %DLQ%<group>} (1 queue, readable) once it has been reconsumed
 * {@code maxReconsumeTimes} times or when the client asks for level {@code < 0}. {@code RETRY_TOPIC} and
 * {@code ORIGIN_MESSAGE_ID} are set when absent. The put goes through {@link PutTimeRewriter}, so a retry lands in
 * {@code SCHEDULE_TOPIC_XXXX} first. Answers from the put future. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ConsumerSendMsgBackProcessor implements RequestProcessor {

    /** Request version (3.4.9) from which the header's maxReconsumeTimes is honoured. */
    static final int MAX_RECONSUME_TIMES_VERSION = 121;

    private final BrokerConfig config;
    private final MessageStore store;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final PutTimeRewriter rewriter;
    private final BrokerStats stats;

    public ConsumerSendMsgBackProcessor(BrokerConfig config, MessageStore store, TopicConfigManager topics,
                                        SubscriptionGroupManager groups, PutTimeRewriter rewriter,
                                        BrokerStats stats) {
        this.config = config;
        this.store = store;
        this.topics = topics;
        this.groups = groups;
        this.rewriter = rewriter;
        this.stats = stats;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        ConsumerSendMsgBackRequestHeader header = request.decodeHeader(ConsumerSendMsgBackRequestHeader.class);
        SubscriptionGroupConfig group = groups.findOrCreate(header.group());
        if (group == null) {
            throw new RemotingCommandException(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                "subscription group not exist, " + header.group());
        }
        if (!PermName.isWriteable(config.getBrokerPermission())) {
            throw new RemotingCommandException(ResponseCode.NO_PERMISSION,
                "the broker[" + config.getBrokerIP1() + "] sending message is forbidden");
        }
        if (group.getRetryQueueNums() <= 0) {
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }
        String retryTopic = SystemTopics.retryTopic(header.group());
        TopicConfig retry = topics.createIfAbsent(retryTopic, group.getRetryQueueNums(),
            PermName.PERM_READ | PermName.PERM_WRITE);
        if (retry == null || !PermName.isWriteable(retry.getPerm())) {
            throw new RemotingCommandException(ResponseCode.NO_PERMISSION,
                "the topic[" + retryTopic + "] sending message is forbidden");
        }
        MessageExt original = store.lookMessageByOffset(header.offset());
        if (original == null) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR,
                "look message by offset failed, " + header.offset());
        }
        int maxReconsumeTimes = group.getRetryMaxTimes();
        if (request.getVersion() >= MAX_RECONSUME_TIMES_VERSION && header.maxReconsumeTimes() != null) {
            maxReconsumeTimes = header.maxReconsumeTimes();
        }
        int delayLevel = header.delayLevel();
        String target = retryTopic;
        int queueId = ThreadLocalRandom.current().nextInt(Math.max(1, retry.getWriteQueueNums()));

        Map<String, String> properties = new HashMap<>(original.getProperties());
        properties.putIfAbsent(MessageConst.PROPERTY_RETRY_TOPIC, original.getTopic());
        properties.putIfAbsent(MessageConst.PROPERTY_ORIGIN_MESSAGE_ID, original.getOffsetMsgId());
        properties.put(MessageConst.PROPERTY_WAIT_STORE_MSG_OK, "false");
        properties.remove(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        if (original.getReconsumeTimes() >= maxReconsumeTimes || delayLevel < 0) {
            target = SystemTopics.dlqTopic(header.group());
            queueId = 0;
            TopicConfig dlq = topics.createIfAbsent(target, 1, PermName.PERM_READ | PermName.PERM_WRITE);
            if (dlq == null) {
                throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "topic[" + target + "] not exist");
            }
        } else {
            if (delayLevel == 0) {
                delayLevel = 3 + original.getReconsumeTimes();
            }
            properties.put(MessageConst.PROPERTY_DELAY_TIME_LEVEL, String.valueOf(delayLevel));
        }

        StoreMessage msg = new StoreMessage();
        msg.setTopic(target);
        msg.setQueueId(queueId);
        msg.setBody(original.getBody());
        msg.setFlag(original.getFlag());
        msg.setProperties(properties);
        msg.setSysFlag(original.getSysFlag());
        msg.setBornTimestamp(original.getBornTimestamp());
        msg.setBornHost(original.getBornHost());
        msg.setStoreHost(original.getStoreHost());
        msg.setReconsumeTimes(original.getReconsumeTimes() + 1);
        String originTopic = properties.get(MessageConst.PROPERTY_RETRY_TOPIC);
        rewriter.rewrite(msg);
        store.putMessage(msg).whenComplete((put, error) -> {
            RemotingCommand response;
            if (error != null) {
                response = RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "store put failed: " + error);
            } else if (put.isOk()) {
                stats.onSendBack(header.group(), originTopic);
                response = RemotingCommand.response(ResponseCode.SUCCESS, null);
            } else {
                response = RemotingCommand.response(ResponseCode.SYSTEM_ERROR, put.status().name());
            }
            context.writeResponse(response);
        });
        return null;
    }
}
