package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.client.ClientException;
import org.rocketmqhm.core.client.ClientInstance;
import org.rocketmqhm.core.client.impl.TopicRoute;
import org.rocketmqhm.core.common.Namespaces;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.ExpressionType;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.ConsumerIdList;
import org.rocketmqhm.core.protocol.body.LockBatchResponseBody;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.body.QueueLockBody;
import org.rocketmqhm.core.protocol.body.SubscriptionData;
import org.rocketmqhm.core.protocol.header.ConsumerGroupRequestHeader;
import org.rocketmqhm.core.protocol.header.ConsumerSendMsgBackRequestHeader;
import org.rocketmqhm.core.protocol.header.OffsetResponseHeader;
import org.rocketmqhm.core.protocol.header.PullMessageRequestHeader;
import org.rocketmqhm.core.protocol.header.PullMessageResponseHeader;
import org.rocketmqhm.core.protocol.header.QueryConsumerOffsetRequestHeader;
import org.rocketmqhm.core.protocol.header.QueueRequestHeader;
import org.rocketmqhm.core.protocol.header.SearchOffsetRequestHeader;
import org.rocketmqhm.core.protocol.header.UpdateConsumerOffsetRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The consumer-side broker requests of one group (§2.3): pull, offsets, queue bounds, group members, queue locks
 * and send-back. Addresses are the masters of the queues' broker names from the instance's route cache.
 * Thread-safe (stateless besides the instance).
 *
 * @since 0.1.0
 */
public final class ConsumerBrokerApi {

    /** PULL sysFlag bits (§5.11). */
    public static final int FLAG_COMMIT_OFFSET = 0x1;
    public static final int FLAG_SUSPEND = 0x2;
    public static final int FLAG_SUBSCRIPTION = 0x4;
    public static final int FLAG_LITE_PULL = 0x10;

    private final ClientInstance instance;
    private final String group;
    private final String namespace;

    /** @param group the group as brokers know it (wrapped in the namespace, if any) */
    public ConsumerBrokerApi(ClientInstance instance, String group) {
        this(instance, group, null);
    }

    /**
     * @param group the group as brokers know it (wrapped in the namespace, if any)
     * @param namespace the consumer's namespace, stripped from pulled messages' topics; may be null
     */
    public ConsumerBrokerApi(ClientInstance instance, String group, String namespace) {
        this.instance = instance;
        this.group = group;
        this.namespace = namespace;
    }

    /** @return the topic as named on the wire (wrapped in the namespace) */
    public String withNamespace(String topic) {
        return Namespaces.wrap(namespace, topic);
    }

    /**
     * Makes a pulled message look as the user expects: the original topic of a retried message is restored, and
     * the namespace is stripped from the topic.
     */
    public void restoreTopic(MessageExt message) {
        restoreRetryTopic(message, group);
        if (namespace != null && !namespace.isEmpty()) {
            message.setTopic(Namespaces.unwrap(message.getTopic(), namespace));
        }
    }

    public ClientInstance instance() {
        return instance;
    }

    /** @return the master address of the queue's broker; throws if unknown */
    public String masterAddress(MessageQueue queue) {
        TopicRoute route = instance.routeOrNull(queue.topic());
        String address = route == null ? null : route.masterAddress(queue.brokerName());
        if (address == null && route != null) {
            route = instance.refreshRoute(queue.topic());
            address = route == null ? null : route.masterAddress(queue.brokerName());
        }
        if (address == null) {
            throw new ClientException(ResponseCode.SERVICE_NOT_AVAILABLE, "no master for " + queue);
        }
        return address;
    }

    /** Sends one PULL_MESSAGE; the future completes with the decoded, tag-re-checked result. */
    public CompletableFuture<PullResult> pull(MessageQueue queue, SubscriptionData subscription, long offset,
                                              int maxNums, int sysFlag, long commitOffset, long suspendMillis,
                                              long timeoutMillis) {
        String address;
        try {
            address = masterAddress(queue);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        PullMessageRequestHeader header = new PullMessageRequestHeader(group, queue.topic(), queue.queueId(), offset,
            maxNums, sysFlag, commitOffset, suspendMillis, subscription.subString(), subscription.subVersion(),
            subscription.expressionType(), queue.brokerName(), null);
        RemotingCommand request = RemotingCommand.request(RequestCode.PULL_MESSAGE, header);
        return instance.remoting().invokeAsync(address, request, timeoutMillis)
            .thenApply(response -> toResult(response, subscription));
    }

    private PullResult toResult(RemotingCommand response, SubscriptionData subscription) {
        PullStatus status = switch (response.getCode()) {
            case ResponseCode.SUCCESS -> PullStatus.FOUND;
            case ResponseCode.PULL_NOT_FOUND -> PullStatus.NO_NEW_MSG;
            case ResponseCode.PULL_RETRY_IMMEDIATELY -> PullStatus.NO_MATCHED_MSG;
            case ResponseCode.PULL_OFFSET_MOVED -> PullStatus.OFFSET_ILLEGAL;
            default -> throw new ClientException(response.getCode(), "pull failed: code " + response.getCode()
                + ", " + response.getRemark());
        };
        PullMessageResponseHeader header;
        try {
            header = response.decodeHeader(PullMessageResponseHeader.class);
        } catch (RemotingCommandException e) {
            throw new ClientException(ResponseCode.SYSTEM_ERROR, "bad pull response header: " + e.getMessage());
        }
        List<MessageExt> messages = List.of();
        if (status == PullStatus.FOUND && response.getBody() != null) {
            List<MessageExt> decoded = MessageDecoder.decodeAll(ByteBuffer.wrap(response.getBody()), true, true);
            messages = new ArrayList<>(decoded.size());
            boolean recheckTags = ExpressionType.isTag(subscription.expressionType()) && !subscription.matchesAll();
            for (MessageExt m : decoded) {
                if (recheckTags && (m.getTags() == null || !subscription.tagsSet().contains(m.getTags()))) {
                    continue;
                }
                messages.add(m);
            }
        }
        return new PullResult(status, orZero(header.nextBeginOffset()), orZero(header.minOffset()),
            orZero(header.maxOffset()), messages);
    }

    /** Restores the original topic of a message pulled from {@code %RETRY%group}. */
    public static void restoreRetryTopic(MessageExt message, String group) {
        String original = message.getProperty(MessageConst.PROPERTY_RETRY_TOPIC);
        if (original != null && SystemTopics.retryTopic(group).equals(message.getTopic())) {
            message.setTopic(original);
        }
    }

    private static long orZero(Long value) {
        return value == null ? 0 : value;
    }

    /** @return the committed offset, -1 if the broker has none (any broker error); network errors throw */
    public long queryConsumerOffset(MessageQueue queue) {
        RemotingCommand response = instance.invoke(masterAddress(queue), RemotingCommand.request(
            RequestCode.QUERY_CONSUMER_OFFSET,
            new QueryConsumerOffsetRequestHeader(group, queue.topic(), queue.queueId(), queue.brokerName())),
            instance.config().getRequestTimeoutMillis());
        if (response.getCode() != ResponseCode.SUCCESS) {
            return -1;
        }
        return offsetOf(response);
    }

    public void updateConsumerOffset(MessageQueue queue, long offset, boolean oneway) {
        RemotingCommand request = RemotingCommand.request(RequestCode.UPDATE_CONSUMER_OFFSET,
            new UpdateConsumerOffsetRequestHeader(group, queue.topic(), queue.queueId(), offset, queue.brokerName()));
        if (oneway) {
            instance.invokeOneway(masterAddress(queue), request);
        } else {
            ClientInstance.checkSuccess(instance.invoke(masterAddress(queue), request,
                instance.config().getRequestTimeoutMillis()), "update consumer offset");
        }
    }

    public long maxOffset(MessageQueue queue) {
        return queueQuery(RequestCode.GET_MAX_OFFSET, queue);
    }

    public long minOffset(MessageQueue queue) {
        return queueQuery(RequestCode.GET_MIN_OFFSET, queue);
    }

    private long queueQuery(int code, MessageQueue queue) {
        RemotingCommand response = instance.invoke(masterAddress(queue), RemotingCommand.request(code,
            new QueueRequestHeader(queue.topic(), queue.queueId(), queue.brokerName())),
            instance.config().getRequestTimeoutMillis());
        return offsetOf(ClientInstance.checkSuccess(response, "offset query of " + queue));
    }

    public long searchOffset(MessageQueue queue, long timestamp) {
        RemotingCommand response = instance.invoke(masterAddress(queue), RemotingCommand.request(
            RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
            new SearchOffsetRequestHeader(queue.topic(), queue.queueId(), timestamp, queue.brokerName())),
            instance.config().getRequestTimeoutMillis());
        return offsetOf(ClientInstance.checkSuccess(response, "search offset of " + queue));
    }

    private static long offsetOf(RemotingCommand response) {
        try {
            Long offset = response.decodeHeader(OffsetResponseHeader.class).offset();
            return offset == null ? -1 : offset;
        } catch (RemotingCommandException e) {
            throw new ClientException(ResponseCode.SYSTEM_ERROR, "bad offset header: " + e.getMessage());
        }
    }

    /** @return the sorted client ids of the group, asked from the master of one of the topic's brokers */
    public List<String> consumerIds(TopicRoute route) {
        for (String brokerName : new java.util.TreeSet<>(route.brokers().keySet())) {
            String address = route.masterAddress(brokerName);
            if (address == null) {
                continue;
            }
            RemotingCommand response = instance.invoke(address, RemotingCommand.request(
                RequestCode.GET_CONSUMER_LIST_BY_GROUP, new ConsumerGroupRequestHeader(group)),
                instance.config().getRequestTimeoutMillis());
            if (response.getCode() == ResponseCode.SUCCESS && response.getBody() != null) {
                List<String> ids = new ArrayList<>(RemotingJson.decode(response.getBody(), ConsumerIdList.class)
                    .consumerIdList());
                ids.sort(null);
                return ids;
            }
        }
        return List.of();
    }

    /** LOCK_BATCH_MQ to the master of the queues' broker. @return the queues now locked by this client */
    public Set<MessageQueue> lock(String brokerName, Set<MessageQueue> queues) {
        MessageQueue any = queues.iterator().next();
        RemotingCommand request = RemotingCommand.request(RequestCode.LOCK_BATCH_MQ)
            .setBody(RemotingJson.encode(new QueueLockBody(group, instance.clientId(), queues, null)));
        RemotingCommand response = ClientInstance.checkSuccess(instance.invoke(masterAddress(any), request,
            instance.config().getRequestTimeoutMillis()), "lock queues of " + brokerName);
        LockBatchResponseBody body = RemotingJson.decode(response.getBody(), LockBatchResponseBody.class);
        return body.lockOKMQSet() == null ? Set.of() : body.lockOKMQSet();
    }

    public void unlock(Set<MessageQueue> queues, boolean oneway) {
        if (queues.isEmpty()) {
            return;
        }
        MessageQueue any = queues.iterator().next();
        RemotingCommand request = RemotingCommand.request(RequestCode.UNLOCK_BATCH_MQ)
            .setBody(RemotingJson.encode(new QueueLockBody(group, instance.clientId(), queues, null)));
        if (oneway) {
            instance.invokeOneway(masterAddress(any), request);
        } else {
            instance.invoke(masterAddress(any), request, instance.config().getRequestTimeoutMillis());
        }
    }

    /**
     * CONSUMER_SEND_MSG_BACK with delay level 0 (broker decides) to the broker the message came from.
     *
     * @return true on SUCCESS; false on any error answer (e.g. REQUEST_CODE_NOT_SUPPORTED) or network failure
     */
    public boolean sendBack(MessageExt message, String brokerName, int maxReconsumeTimes, int delayLevel) {
        try {
            String topic = withNamespace(message.getTopic());
            TopicRoute route = instance.routeOrNull(topic);
            String address = route == null ? null : route.masterAddress(brokerName);
            if (address == null) {
                address = masterAddress(new MessageQueue(SystemTopics.retryTopic(group), brokerName, 0));
            }
            RemotingCommand response = instance.invoke(address, RemotingCommand.request(
                RequestCode.CONSUMER_SEND_MSG_BACK, new ConsumerSendMsgBackRequestHeader(message.getCommitLogOffset(),
                    group, delayLevel, message.getMsgId(), topic, false, maxReconsumeTimes, brokerName)),
                instance.config().getRequestTimeoutMillis());
            return response.getCode() == ResponseCode.SUCCESS;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
