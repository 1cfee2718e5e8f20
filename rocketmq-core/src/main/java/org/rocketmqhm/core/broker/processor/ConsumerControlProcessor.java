package org.rocketmqhm.core.broker.processor;

import io.netty.buffer.ByteBufUtil;
import org.rocketmqhm.core.broker.client.ClientChannel;
import org.rocketmqhm.core.broker.client.ClientInvoker;
import org.rocketmqhm.core.broker.client.ConsumerGroupInfo;
import org.rocketmqhm.core.broker.client.ConsumerRegistry;
import org.rocketmqhm.core.broker.offset.ConsumerOffsetManager;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.common.message.MessageIds;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.GetConsumerStatusBody;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.body.ResetOffsetBody;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.header.ConsumeMessageDirectlyRequestHeader;
import org.rocketmqhm.core.protocol.header.GetConsumerRunningInfoRequestHeader;
import org.rocketmqhm.core.protocol.header.GetConsumerStatusRequestHeader;
import org.rocketmqhm.core.protocol.header.ResetOffsetRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RemotingException;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * Operator requests that reach into live consumers, as Apache's admin tools and dashboard send them:
 * INVOKE_BROKER_TO_RESET_OFFSET (222), INVOKE_BROKER_TO_GET_CONSUMER_STATUS (223), GET_CONSUMER_RUNNING_INFO (307)
 * and CONSUME_MESSAGE_DIRECTLY (309). Calls to clients are asynchronous: no broker thread waits for a client.
 *
 * @since 0.1.0
 */
public final class ConsumerControlProcessor implements RequestProcessor {

    private static final long CLIENT_TIMEOUT_MILLIS = 10_000;

    private final String brokerName;
    private final ConsumerRegistry consumers;
    private final ConsumerOffsetManager offsets;
    private final TopicConfigManager topics;
    private final MessageStore store;
    private final ClientInvoker clients;

    public ConsumerControlProcessor(String brokerName, ConsumerRegistry consumers, ConsumerOffsetManager offsets,
                                    TopicConfigManager topics, MessageStore store, ClientInvoker clients) {
        this.brokerName = brokerName;
        this.consumers = consumers;
        this.offsets = offsets;
        this.topics = topics;
        this.store = store;
        this.clients = clients;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.INVOKE_BROKER_TO_RESET_OFFSET -> resetOffset(request);
            case RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS -> consumerStatus(context, request);
            case RequestCode.GET_CONSUMER_RUNNING_INFO -> runningInfo(context, request);
            case RequestCode.CONSUME_MESSAGE_DIRECTLY -> consumeDirectly(context, request);
            default -> throw new IllegalArgumentException("unexpected code " + request.getCode());
        };
    }

    /** Per read queue: the max offset for timestamp -1, else the offset stored closest to the time. */
    private RemotingCommand resetOffset(RemotingCommand request) throws RemotingCommandException {
        ResetOffsetRequestHeader header = request.decodeHeader(ResetOffsetRequestHeader.class);
        TopicConfig topic = topics.get(header.topic());
        if (topic == null) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "[reset-offset] topic does not exist: "
                + header.topic());
        }
        Map<MessageQueue, Long> table = new TreeMap<>();
        for (int queueId = 0; queueId < topic.getReadQueueNums(); queueId++) {
            long target = header.timestamp() == -1 ? store.getMaxOffsetInQueue(header.topic(), queueId)
                : store.getOffsetInQueueByTime(header.topic(), queueId, header.timestamp());
            long current = offsets.query(header.group(), header.topic(), queueId);
            long offset = header.isForce() || current < 0 || target < current ? target : current;
            table.put(new MessageQueue(header.topic(), brokerName, queueId), offset);
        }
        ConsumerGroupInfo group = consumers.group(header.group());
        if (group == null || group.isEmpty()) {
            return RemotingCommand.response(ResponseCode.CONSUMER_NOT_ONLINE,
                "Consumer not online, so can not reset offset, Group: " + header.group());
        }
        table.forEach((queue, offset) -> offsets.commit(header.group(), queue.topic(), queue.queueId(), offset));
        byte[] body = RemotingJson.encode(new ResetOffsetBody(table));
        for (ClientChannel member : group.members()) {
            RemotingCommand push = RemotingCommand.request(RequestCode.RESET_CONSUMER_CLIENT_OFFSET, header)
                .setBody(body);
            clients.invokeOneway(member.channel(), push);
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(body);
    }

    private RemotingCommand consumerStatus(RemotingContext context, RemotingCommand request)
        throws RemotingCommandException {
        GetConsumerStatusRequestHeader header = request.decodeHeader(GetConsumerStatusRequestHeader.class);
        ConsumerGroupInfo group = consumers.group(header.group());
        if (group == null || group.isEmpty()) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, "No Any Consumer online in the consumer group: "
                + header.group());
        }
        Map<String, Map<MessageQueue, Long>> table = new java.util.concurrent.ConcurrentHashMap<>();
        List<CompletableFuture<Void>> calls = group.members().stream()
            .filter(member -> header.clientAddr() == null || header.clientAddr().isEmpty()
                || header.clientAddr().equals(org.rocketmqhm.core.remoting.RemotingAddresses.toAddress(
                    member.channel().remoteAddress())))
            .map(member -> clients.invoke(member.channel(), RemotingCommand.request(
                    RequestCode.GET_CONSUMER_STATUS_FROM_CLIENT, header), CLIENT_TIMEOUT_MILLIS)
                .thenAccept(response -> {
                    if (response.getCode() == ResponseCode.SUCCESS && response.getBody() != null) {
                        GetConsumerStatusBody body = RemotingJson.decode(response.getBody(), GetConsumerStatusBody.class);
                        table.put(member.clientId(), body.messageQueueTable() == null ? Map.of()
                            : body.messageQueueTable());
                    }
                }).exceptionally(error -> null))
            .toList();
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).whenComplete((done, error) ->
            context.writeResponse(RemotingCommand.response(ResponseCode.SUCCESS, null)
                .setBody(RemotingJson.encode(new GetConsumerStatusBody(new HashMap<>(), table)))));
        return null;
    }

    private RemotingCommand runningInfo(RemotingContext context, RemotingCommand request)
        throws RemotingCommandException {
        GetConsumerRunningInfoRequestHeader header = request.decodeHeader(GetConsumerRunningInfoRequestHeader.class);
        ClientChannel client = member(header.consumerGroup(), header.clientId());
        RemotingCommand forward = RemotingCommand.request(RequestCode.GET_CONSUMER_RUNNING_INFO, header);
        relay(context, client, forward);
        return null;
    }

    private RemotingCommand consumeDirectly(RemotingContext context, RemotingCommand request)
        throws RemotingCommandException {
        ConsumeMessageDirectlyRequestHeader header = request.decodeHeader(ConsumeMessageDirectlyRequestHeader.class);
        ClientChannel client = member(header.consumerGroup(), header.clientId());
        long offset;
        try {
            offset = MessageIds.decodeOffsetMsgId(header.msgId()).commitLogOffset();
        } catch (RuntimeException e) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "invalid offset msgId: " + header.msgId());
        }
        ByteBuffer record = store.selectOneMessageByOffset(offset);
        if (record == null) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "can not find message by msgId "
                + header.msgId());
        }
        RemotingCommand forward = RemotingCommand.request(RequestCode.CONSUME_MESSAGE_DIRECTLY, header)
            .putExt("brokerName", brokerName).setBody(ByteBufUtil.getBytes(io.netty.buffer.Unpooled.wrappedBuffer(record)));
        relay(context, client, forward);
        return null;
    }

    private ClientChannel member(String group, String clientId) throws RemotingCommandException {
        ConsumerGroupInfo info = consumers.group(group);
        if (info != null) {
            for (ClientChannel member : info.members()) {
                if (member.clientId().equals(clientId)) {
                    return member;
                }
            }
        }
        throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "The Consumer <" + clientId
            + "> not online");
    }

    /** Forwards a request to the client and answers with the client's response. */
    private void relay(RemotingContext context, ClientChannel client, RemotingCommand forward) {
        clients.invoke(client.channel(), forward, CLIENT_TIMEOUT_MILLIS).whenComplete((response, error) -> {
            if (error == null) {
                // a HashMap, as the relayed fields were always written: same field order on the wire
                Map<String, String> ext = response.getExtFields() == null ? null
                    : new HashMap<>(response.getExtFields());
                context.writeResponse(RemotingCommand.response(response.getCode(), response.getRemark())
                    .setExtFields(ext).setBody(response.getBody()));
                return;
            }
            Throwable cause = error instanceof java.util.concurrent.CompletionException ? error.getCause() : error;
            boolean timeout = cause instanceof RemotingException remoting
                && remoting.kind() == RemotingException.Kind.TIMEOUT;
            context.writeResponse(RemotingCommand.response(
                timeout ? ResponseCode.CONSUME_MSG_TIMEOUT : ResponseCode.SYSTEM_ERROR,
                "invoke consumer <" + client.clientId() + "> failed: " + cause.getMessage()));
        });
    }
}
