package org.rocketmqhm.core.client.impl;

import org.rocketmqhm.core.client.ClientInstance;
import org.rocketmqhm.core.common.message.MessageCompression;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.common.message.MessageProperties;
import org.rocketmqhm.core.common.message.MessageSysFlag;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.ResetOffsetBody;
import org.rocketmqhm.core.protocol.header.CheckTransactionStateRequestHeader;
import org.rocketmqhm.core.protocol.header.ConsumeMessageDirectlyRequestHeader;
import org.rocketmqhm.core.protocol.header.ConsumerGroupRequestHeader;
import org.rocketmqhm.core.protocol.header.GetConsumerRunningInfoRequestHeader;
import org.rocketmqhm.core.protocol.header.ReplyMessageRequestHeader;
import org.rocketmqhm.core.protocol.header.ResetOffsetRequestHeader;
import org.rocketmqhm.core.remoting.RemotingAddresses;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;

import java.nio.ByteBuffer;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.Map;

/**
 * Serves the requests brokers send to clients (§2.6): transaction check-back, consumer-ids-changed, offset reset,
 * running info, direct consumption and reply push. Runs on the instance's callback executor.
 *
 * @since 0.1.0
 */
public final class ServerRequestProcessor implements RequestProcessor {

    public static final int[] CODES = {RequestCode.CHECK_TRANSACTION_STATE, RequestCode.NOTIFY_CONSUMER_IDS_CHANGED,
        RequestCode.RESET_CONSUMER_CLIENT_OFFSET, RequestCode.GET_CONSUMER_RUNNING_INFO,
        RequestCode.CONSUME_MESSAGE_DIRECTLY, RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT};

    private final ClientInstance instance;

    public ServerRequestProcessor(ClientInstance instance) {
        this.instance = instance;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws Exception {
        return switch (request.getCode()) {
            case RequestCode.CHECK_TRANSACTION_STATE -> checkTransaction(context, request);
            case RequestCode.NOTIFY_CONSUMER_IDS_CHANGED -> {
                instance.rebalanceSoon(request.decodeHeader(ConsumerGroupRequestHeader.class).consumerGroup());
                yield null;
            }
            case RequestCode.RESET_CONSUMER_CLIENT_OFFSET -> resetOffset(request);
            case RequestCode.GET_CONSUMER_RUNNING_INFO -> runningInfo(request);
            case RequestCode.CONSUME_MESSAGE_DIRECTLY -> consumeDirectly(request);
            case RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT -> pushReply(request);
            default -> RemotingCommand.responseTo(request, ResponseCode.REQUEST_CODE_NOT_SUPPORTED, "not supported");
        };
    }

    private RemotingCommand checkTransaction(RemotingContext context, RemotingCommand request) throws Exception {
        CheckTransactionStateRequestHeader header = request.decodeHeader(CheckTransactionStateRequestHeader.class);
        MessageExt message = request.getBody() == null ? null
            : MessageDecoder.decode(ByteBuffer.wrap(request.getBody()), true, true);
        if (message != null) {
            ProducerMember producer = instance.producer(message.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP));
            if (producer != null) {
                producer.checkTransactionState(context.remoteAddress(), message, header);
            }
        }
        return null;
    }

    private RemotingCommand resetOffset(RemotingCommand request) throws Exception {
        ResetOffsetRequestHeader header = request.decodeHeader(ResetOffsetRequestHeader.class);
        ConsumerMember consumer = instance.consumer(header.group());
        if (consumer != null && request.getBody() != null) {
            ResetOffsetBody body = RemotingJson.decode(request.getBody(), ResetOffsetBody.class);
            consumer.resetOffsets(header.topic(), body.offsetTable());
        }
        return null;
    }

    private RemotingCommand runningInfo(RemotingCommand request) throws Exception {
        GetConsumerRunningInfoRequestHeader header = request.decodeHeader(GetConsumerRunningInfoRequestHeader.class);
        ConsumerMember consumer = instance.consumer(header.consumerGroup());
        if (consumer == null) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR,
                "The Consumer Group <" + header.consumerGroup() + "> not exist in this consumer");
        }
        ConsumerRunningInfo info = consumer.runningInfo();
        if (info == null) {
            var data = consumer.consumerData();
            Map<String, String> properties = new TreeMap<>();
            properties.put(ConsumerRunningInfo.PROP_CONSUME_TYPE, data.consumeType().name());
            properties.put(ConsumerRunningInfo.PROP_CONSUMER_START_TIMESTAMP, String.valueOf(System.currentTimeMillis()));
            info = new ConsumerRunningInfo(properties, data.subscriptionDataSet(), Map.of(), Map.of(), null);
        }
        Map<String, String> properties = new TreeMap<>(info.properties());
        properties.put(ConsumerRunningInfo.PROP_NAMESERVER_ADDR, instance.nameServerAddresses());
        properties.put(ConsumerRunningInfo.PROP_CLIENT_VERSION, ConsumerRunningInfo.CLIENT_VERSION);
        info = new ConsumerRunningInfo(properties, info.subscriptionSet(), info.mqTable(), info.statusTable(),
            Boolean.TRUE.equals(header.jstackEnable()) ? jstack() : null);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).setBody(RemotingJson.encode(info));
    }

    /** @return a thread dump in jstack's spirit: every live thread with its state and stack */
    private static String jstack() {
        StringBuilder out = new StringBuilder(8192);
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            out.append("Thread: ").append(t.getName()).append(' ').append(t.getState()).append('\n');
            for (StackTraceElement frame : e.getValue()) {
                out.append('\t').append(frame).append('\n');
            }
            out.append('\n');
        }
        return out.toString();
    }

    private RemotingCommand consumeDirectly(RemotingCommand request) throws Exception {
        ConsumeMessageDirectlyRequestHeader header = request.decodeHeader(ConsumeMessageDirectlyRequestHeader.class);
        ConsumerMember consumer = instance.consumer(header.consumerGroup());
        MessageExt message = request.getBody() == null ? null
            : MessageDecoder.decode(ByteBuffer.wrap(request.getBody()), true, true);
        if (consumer == null || message == null) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "consumer or message not found");
        }
        long start = System.currentTimeMillis();
        boolean ok;
        String remark = null;
        try {
            ok = consumer.consumeDirectly(message);
        } catch (RuntimeException e) {
            ok = false;
            remark = e.toString();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("order", false);
        body.put("autoCommit", true);
        body.put("consumeResult", ok ? "CR_SUCCESS" : "CR_LATER");
        body.put("remark", remark);
        body.put("spentTimeMills", System.currentTimeMillis() - start);
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null).setBody(RemotingJson.encode(body));
    }

    private RemotingCommand pushReply(RemotingCommand request) throws Exception {
        ReplyMessageRequestHeader header = request.decodeHeader(ReplyMessageRequestHeader.class);
        MessageExt reply = new MessageExt();
        reply.setTopic(header.topic());
        reply.setQueueId(header.queueId());
        reply.setSysFlag(header.sysFlag());
        reply.setFlag(header.flag());
        reply.setBornTimestamp(header.bornTimestamp());
        reply.setStoreTimestamp(header.storeTimestamp());
        reply.setBornHost(RemotingAddresses.parse(header.bornHost()));
        reply.setStoreHost(RemotingAddresses.parse(header.storeHost()));
        reply.setReconsumeTimes(header.reconsumeTimes() == null ? 0 : header.reconsumeTimes());
        byte[] body = request.getBody();
        if (body != null && MessageSysFlag.isCompressed(header.sysFlag())) {
            body = MessageCompression.decompress(body, MessageSysFlag.getCompressionType(header.sysFlag()));
        }
        reply.setBody(body);
        reply.setProperties(MessageProperties.decode(header.properties()));
        reply.putProperty(MessageConst.PROPERTY_REPLY_MESSAGE_ARRIVE_TIME, String.valueOf(System.currentTimeMillis()));
        String correlationId = reply.getProperty(MessageConst.PROPERTY_CORRELATION_ID);
        if (correlationId == null || !instance.completeReply(correlationId, reply)) {
            return RemotingCommand.responseTo(request, ResponseCode.SYSTEM_ERROR, "no pending request for reply");
        }
        return RemotingCommand.responseTo(request, ResponseCode.SUCCESS, null);
    }
}
