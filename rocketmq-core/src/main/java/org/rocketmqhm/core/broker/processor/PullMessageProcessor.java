package org.rocketmqhm.core.broker.processor;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.broker.client.ConsumerGroupInfo;
import org.rocketmqhm.core.broker.client.ConsumerRegistry;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.broker.stats.BrokerStats;
import org.rocketmqhm.core.broker.longpolling.ParkedPull;
import org.rocketmqhm.core.broker.longpolling.PullRequestHoldService;
import org.rocketmqhm.core.broker.offset.ConsumerOffsetManager;
import org.rocketmqhm.core.broker.subscription.SubscriptionGroupManager;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.filter.FilterException;
import org.rocketmqhm.core.filter.SubscriptionFilter;
import org.rocketmqhm.core.filter.SubscriptionFilters;
import org.rocketmqhm.core.protocol.ExpressionType;
import org.rocketmqhm.core.protocol.MessageModel;
import org.rocketmqhm.core.protocol.PermName;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.SubscriptionData;
import org.rocketmqhm.core.protocol.body.SubscriptionGroupConfig;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.header.PullMessageRequestHeader;
import org.rocketmqhm.core.protocol.header.PullMessageResponseHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.GetMessageResult;
import org.rocketmqhm.core.store.MessageFilter;
import org.rocketmqhm.core.store.MessageStore;
import org.rocketmqhm.core.store.config.BrokerRole;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * PULL_MESSAGE (11) and LITE_PULL_MESSAGE (361): checks permissions and the subscription, reads from the store
 * and answers with the stored records as a zero-copy body (the store's mapped slices wrapped, never copied).
 * When nothing is there and the request allows it, the pull is held by the {@link PullRequestHoldService} and
 * answered later from a wake-up, which re-runs it here without the suspend permission. Status to code mapping is
 * the protocol's section 2.3 table. {@code suggestWhichBrokerId} follows section 5.4: 0 unless
 * {@code slaveReadEnable}, then the group's {@code whichBrokerWhenConsumeSlowly} when the returned records lie
 * further back than {@code accessMessageInMemoryMaxRatio} % of RAM from the commit-log end, else its
 * {@code brokerId}. A slave without {@code slaveReadEnable} answers
 * PULL_RETRY_IMMEDIATELY with suggestion 0; a slave never stores the pull's commit offset. Thread-safe.
 *
 * @since 0.1.0
 */
public final class PullMessageProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(PullMessageProcessor.class);

    static final int FLAG_COMMIT_OFFSET = 0x1;
    static final int FLAG_SUSPEND = 0x2;
    static final int FLAG_SUBSCRIPTION = 0x4;

    private final BrokerConfig config;
    private final MessageStore store;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final ConsumerRegistry consumers;
    private final ConsumerOffsetManager offsets;
    private final Executor wakeUpExecutor;
    private final BrokerStats stats;
    private volatile PullRequestHoldService holdService;

    public PullMessageProcessor(BrokerConfig config, MessageStore store, TopicConfigManager topics,
                                SubscriptionGroupManager groups, ConsumerRegistry consumers,
                                ConsumerOffsetManager offsets, Executor wakeUpExecutor, BrokerStats stats) {
        this.config = config;
        this.store = store;
        this.topics = topics;
        this.groups = groups;
        this.consumers = consumers;
        this.offsets = offsets;
        this.wakeUpExecutor = wakeUpExecutor;
        this.stats = stats;
    }

    /** @param holdService where pulls with nothing to return wait */
    public void setHoldService(PullRequestHoldService holdService) {
        this.holdService = holdService;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws Exception {
        return pull(context, request, true);
    }

    /** Re-runs a held pull on the pull executor and writes its answer. Never blocks. */
    public void wake(ParkedPull parked) {
        try {
            wakeUpExecutor.execute(() -> {
                RemotingContext context = parked.context();
                RemotingCommand response;
                try {
                    response = pull(context, context.request(), false);
                } catch (RemotingCommandException e) {
                    response = RemotingCommand.response(e.responseCode(), e.getMessage());
                } catch (Exception e) {
                    log.warn("re-running a held pull failed", e);
                    response = RemotingCommand.response(ResponseCode.SYSTEM_ERROR, e.toString());
                }
                if (response != null) {
                    context.writeResponse(response);
                }
            });
        } catch (RejectedExecutionException e) {
            parked.context().writeResponse(RemotingCommand.response(ResponseCode.SYSTEM_BUSY,
                "[OVERLOAD]system busy, start flow control for a while"));
        }
    }

    private RemotingCommand pull(RemotingContext context, RemotingCommand request, boolean allowSuspend)
        throws RemotingCommandException {
        PullMessageRequestHeader header = request.decodeHeader(PullMessageRequestHeader.class);
        if (!PermName.isReadable(config.getBrokerPermission())) {
            throw new RemotingCommandException(ResponseCode.NO_PERMISSION,
                "the broker[" + config.getBrokerIP1() + "] pulling message is forbidden");
        }
        SubscriptionGroupConfig group = groups.findOrCreate(header.consumerGroup());
        if (group == null) {
            throw new RemotingCommandException(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                "subscription group [" + header.consumerGroup() + "] does not exist");
        }
        if (!group.isConsumeEnable()) {
            throw new RemotingCommandException(ResponseCode.NO_PERMISSION,
                "subscription group no permission, " + header.consumerGroup());
        }
        TopicConfig topic = topics.get(header.topic());
        if (topic == null) {
            throw new RemotingCommandException(ResponseCode.TOPIC_NOT_EXIST,
                "topic[" + header.topic() + "] not exist, apply first please!");
        }
        if (!PermName.isReadable(topic.getPerm())) {
            throw new RemotingCommandException(ResponseCode.NO_PERMISSION,
                "the topic[" + header.topic() + "] pulling message is forbidden");
        }
        int queueId = header.queueId();
        if (queueId < 0 || queueId >= topic.getReadQueueNums()) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "queueId[" + queueId
                + "] is illegal, topic:[" + header.topic() + "] topicConfig.readQueueNums:["
                + topic.getReadQueueNums() + "] consumer:[" + context.remoteAddress() + "]");
        }
        MessageFilter filter = PullFilter.of(subscriptionFilter(header, group));
        if (config.isFilterSupportRetry() && SystemTopics.isRetryTopic(header.topic())) {
            filter = RetryPullFilter.of(header.topic(), filter, consumers);
        }

        int sysFlag = header.sysFlag();
        int maxBytes = header.maxMsgBytes() == null || header.maxMsgBytes() <= 0 ? Integer.MAX_VALUE
            : header.maxMsgBytes();
        GetMessageResult result = store.getMessage(header.consumerGroup(), header.topic(), queueId,
            header.queueOffset(), header.maxMsgNums(), maxBytes, filter);
        if (result.messageCount() > 0) {
            stats.onPullFound(header.consumerGroup(), header.topic(), result.messageCount(), result.totalSize());
        }

        boolean master = config.getBrokerRole() != BrokerRole.SLAVE;
        long suggest = config.isSlaveReadEnable() ? (slow(result) ? group.getWhichBrokerWhenConsumeSlowly()
            : group.getBrokerId()) : 0L;
        RemotingCommand response = answer(header, result, suggest, !master && !config.isSlaveReadEnable());
        if (allowSuspend && master && (sysFlag & FLAG_COMMIT_OFFSET) != 0) {
            offsets.commit(header.consumerGroup(), header.topic(), queueId, header.commitOffset());
        }
        if (response.getCode() == ResponseCode.PULL_NOT_FOUND && allowSuspend && (sysFlag & FLAG_SUSPEND) != 0
            && holdService != null) {
            long hold = config.isLongPollingEnable() ? header.suspendTimeoutMillis()
                : config.getShortPollingTimeMills();
            holdService.hold(header.topic(), queueId,
                new ParkedPull(context, header.queueOffset(), filter, System.currentTimeMillis() + hold));
            return null;
        }
        return response;
    }

    private SubscriptionFilter subscriptionFilter(PullMessageRequestHeader header, SubscriptionGroupConfig group)
        throws RemotingCommandException {
        String type;
        String expression;
        java.util.Collection<Integer> codes;
        if ((header.sysFlag() & FLAG_SUBSCRIPTION) != 0) {
            type = header.expressionType() == null ? ExpressionType.TAG : header.expressionType();
            expression = header.subscription();
            codes = ExpressionType.isTag(type) ? SubscriptionData.of(header.topic(), expression, type).codeSet()
                : null;
        } else {
            ConsumerGroupInfo info = consumers.group(header.consumerGroup());
            if (info == null) {
                throw new RemotingCommandException(ResponseCode.SUBSCRIPTION_NOT_EXIST,
                    "the consumer's group info not exist");
            }
            if (!group.isConsumeBroadcastEnable() && info.messageModel() == MessageModel.BROADCASTING) {
                throw new RemotingCommandException(ResponseCode.NO_PERMISSION,
                    "the consumer group[" + header.consumerGroup() + "] can not consume by broadcast way");
            }
            SubscriptionData sub = info.subscription(header.topic());
            if (sub == null) {
                throw new RemotingCommandException(ResponseCode.SUBSCRIPTION_NOT_EXIST,
                    "the consumer's subscription not exist");
            }
            if (sub.subVersion() < header.subVersion()) {
                throw new RemotingCommandException(ResponseCode.SUBSCRIPTION_NOT_LATEST,
                    "the consumer's subscription not latest");
            }
            type = sub.expressionType() == null ? ExpressionType.TAG : sub.expressionType();
            expression = sub.subString();
            codes = sub.codeSet();
        }
        if (!ExpressionType.isTag(type) && !config.isEnablePropertyFilter()) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR,
                "The broker does not support consumer to filter message by " + type);
        }
        try {
            return SubscriptionFilters.of(type, expression, codes);
        } catch (FilterException e) {
            throw new RemotingCommandException(ResponseCode.SUBSCRIPTION_PARSE_FAILED,
                "parse the consumer's subscription failed: " + e.getMessage());
        }
    }

    private boolean slow(GetMessageResult result) {
        List<ByteBuffer> messages = result.messages();
        return !messages.isEmpty() && store.suggestPullingFromSlave(
            messages.get(messages.size() - 1).getLong(MessageDecoder.POS_PHYSICAL_OFFSET));
    }

    private static RemotingCommand answer(PullMessageRequestHeader header, GetMessageResult result,
                                          long suggestWhichBrokerId, boolean unreadableSlave) {
        int code;
        String remark;
        long nextBegin = result.nextBeginOffset();
        switch (result.status()) {
            case FOUND -> {
                code = ResponseCode.SUCCESS;
                remark = "FOUND";
            }
            case NO_MATCHED_MESSAGE, MESSAGE_WAS_REMOVING -> {
                code = ResponseCode.PULL_RETRY_IMMEDIATELY;
                remark = result.status().name();
            }
            case NO_MESSAGE_IN_QUEUE, NO_MATCHED_LOGIC_QUEUE -> {
                code = header.queueOffset() == 0 ? ResponseCode.PULL_NOT_FOUND : ResponseCode.PULL_OFFSET_MOVED;
                remark = result.status().name();
            }
            case OFFSET_FOUND_NULL, OFFSET_OVERFLOW_ONE -> {
                code = ResponseCode.PULL_NOT_FOUND;
                remark = result.status().name();
            }
            case OFFSET_OVERFLOW_BADLY, OFFSET_TOO_SMALL -> {
                code = ResponseCode.PULL_OFFSET_MOVED;
                remark = result.status().name();
            }
            default -> {
                code = ResponseCode.SYSTEM_ERROR;
                remark = "store getMessage return " + result.status();
            }
        }
        if (unreadableSlave) {
            code = ResponseCode.PULL_RETRY_IMMEDIATELY;
            suggestWhichBrokerId = 0L;
        }
        RemotingCommand response = RemotingCommand.response(code, remark);
        response.writeHeader(new PullMessageResponseHeader(suggestWhichBrokerId, nextBegin, result.minOffset(),
            result.maxOffset()));
        if (code == ResponseCode.SUCCESS && result.messageCount() > 0) {
            response.setBodyBuf(wrap(result.messages()));
        }
        return response;
    }

    private static ByteBuf wrap(List<ByteBuffer> messages) {
        return Unpooled.wrappedBuffer(messages.toArray(ByteBuffer[]::new));
    }
}
