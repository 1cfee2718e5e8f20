package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.broker.subscription.SubscriptionGroupManager;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.common.message.BatchMessageCodec;
import org.rocketmqhm.core.common.message.Message;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageProperties;
import org.rocketmqhm.core.common.message.MessageSysFlag;
import org.rocketmqhm.core.protocol.PermName;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.TopicFilterType;
import org.rocketmqhm.core.protocol.body.SubscriptionGroupConfig;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.header.SendMessageRequestHeader;
import org.rocketmqhm.core.protocol.header.SendMessageRequestHeaderV2;
import org.rocketmqhm.core.protocol.header.SendMessageResponseHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;
import org.rocketmqhm.core.store.PutResult;
import org.rocketmqhm.core.store.StoreMessage;
import org.rocketmqhm.core.store.config.BrokerRole;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SEND_MESSAGE (10), SEND_MESSAGE_V2 (310) and SEND_BATCH_MESSAGE (320): validates the request (section 2.2),
 * resolves or auto-creates the topic through its template (section 5.1), handles {@code %RETRY%} topics (to
 * {@code %DLQ%} past the max reconsume times), applies the put-time rewrites of {@link PutTimeRewriter}, and
 * answers from the store's put future (never blocking a thread per request). Every answer, success or failure,
 * carries the {@code MSG_REGION} and {@code TRACE_ON} ext fields; stored messages carry them as properties too
 * ({@link BrokerConfig#isMsgRegionPropertiesEnable()}). Thread-safe.
 *
 * @since 0.1.0
 */
public final class SendMessageProcessor implements RequestProcessor {

    private static final int MAX_PROPERTIES_LENGTH = Short.MAX_VALUE;

    private final BrokerConfig config;
    private final MessageStore store;
    private final int maxMessageSize;
    private final TopicConfigManager topics;
    private final SubscriptionGroupManager groups;
    private final PutTimeRewriter rewriter;
    private final InetSocketAddress storeHost;
    private final StoredPropertiesDecorator decorator;

    public SendMessageProcessor(BrokerConfig config, MessageStore store, int maxMessageSize,
                                TopicConfigManager topics, SubscriptionGroupManager groups, PutTimeRewriter rewriter,
                                InetSocketAddress storeHost) {
        this.config = config;
        this.store = store;
        this.maxMessageSize = maxMessageSize;
        this.topics = topics;
        this.groups = groups;
        this.rewriter = rewriter;
        this.storeHost = storeHost;
        this.decorator = new StoredPropertiesDecorator(config);
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) {
        try {
            SendMessageRequestHeader header = request.getCode() == RequestCode.SEND_MESSAGE
                ? request.decodeHeader(SendMessageRequestHeader.class)
                : request.decodeHeader(SendMessageRequestHeaderV2.class).toV1();
            boolean batch = request.getCode() == RequestCode.SEND_BATCH_MESSAGE || Boolean.TRUE.equals(header.batch());
            CompletableFuture<Outcome> put = batch ? sendBatch(context, request, header)
                : sendOne(context, request, header);
            put.whenComplete((result, error) -> context.writeResponse(error != null
                ? failure(ResponseCode.SYSTEM_ERROR, "store put failed: " + error)
                : toResponse(result.put(), result.queueId(), batch)));
            return null;
        } catch (RemotingCommandException e) {
            return failure(e.responseCode(), e.getMessage());
        }
    }

    /** A put's result and the queue id reported to the producer (the one chosen before put-time rewrites). */
    private record Outcome(PutResult put, int queueId) {
    }

    private CompletableFuture<Outcome> sendOne(RemotingContext context, RemotingCommand request,
                                                 SendMessageRequestHeader header) throws RemotingCommandException {
        checkBroker();
        TopicConfig topic = resolveTopic(header, false);
        int queueId = chooseQueue(header, topic, context);
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
        if (body.length > maxMessageSize) {
            throw new RemotingCommandException(ResponseCode.MESSAGE_ILLEGAL,
                "the message body size over max value, MAX: " + maxMessageSize);
        }
        checkPropertiesLength(header.properties());
        StoreMessage msg = new StoreMessage();
        msg.setTopic(header.topic());
        msg.setQueueId(queueId);
        msg.setBody(body);
        msg.setFlag(header.flag());
        msg.setPropertiesString(decorator.decorate(header.properties()));
        msg.setSysFlag(sysFlag(header.sysFlag(), topic));
        msg.setBornTimestamp(header.bornTimestamp());
        msg.setBornHost((InetSocketAddress) context.remoteSocketAddress());
        msg.setStoreHost(storeHost);
        msg.setReconsumeTimes(header.reconsumeTimes() == null ? 0 : header.reconsumeTimes());
        handleRetryAndDlq(header, msg, request.getVersion());
        int reportedQueueId = msg.getQueueId();
        if (PutTimeRewriter.isPrepared(msg.getSysFlag())) {
            if (config.isRejectTransactionMessage()) {
                throw new RemotingCommandException(ResponseCode.NO_PERMISSION, "the broker["
                    + config.getBrokerIP1() + "] sending transaction message is forbidden");
            }
            topics.createIfAbsent(SystemTopics.TRANS_HALF_TOPIC, 1, PermName.PERM_READ | PermName.PERM_WRITE);
        }
        rewriter.rewrite(msg);
        return store.putMessage(msg).thenApply(r -> new Outcome(r, reportedQueueId));
    }

    private CompletableFuture<Outcome> sendBatch(RemotingContext context, RemotingCommand request,
                                                   SendMessageRequestHeader header) throws RemotingCommandException {
        checkBroker();
        if (header.topic() != null && header.topic().length() > SystemTopics.TOPIC_MAX_LENGTH) {
            throw new RemotingCommandException(ResponseCode.MESSAGE_ILLEGAL,
                "message topic length too long " + header.topic().length());
        }
        if (SystemTopics.isRetryTopic(header.topic())) {
            throw new RemotingCommandException(ResponseCode.MESSAGE_ILLEGAL,
                "batch request does not support retry group " + header.topic());
        }
        if (MessageSysFlag.getTransactionValue(header.sysFlag()) != MessageSysFlag.TRANSACTION_NOT_TYPE) {
            throw new RemotingCommandException(ResponseCode.MESSAGE_ILLEGAL,
                "batch messages do not support transactions (sysFlag " + header.sysFlag() + ")");
        }
        TopicConfig topic = resolveTopic(header, true);
        int queueId = chooseQueue(header, topic, context);
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
        if (body.length > maxMessageSize) {
            throw new RemotingCommandException(ResponseCode.MESSAGE_ILLEGAL,
                "the message body size over max value, MAX: " + maxMessageSize);
        }
        List<Message> elements;
        try {
            elements = BatchMessageCodec.decode(ByteBuffer.wrap(body), header.topic());
        } catch (IllegalArgumentException e) {
            throw new RemotingCommandException(ResponseCode.MESSAGE_ILLEGAL, "bad batch body: " + e.getMessage());
        }
        if (elements.isEmpty()) {
            throw new RemotingCommandException(ResponseCode.MESSAGE_ILLEGAL, "the batch is empty");
        }
        String batchPropertiesString = decorator.decorate(header.properties());
        List<StoreMessage> batch = new ArrayList<>(elements.size());
        int sysFlag = sysFlag(header.sysFlag(), topic);
        for (Message element : elements) {
            if (element.getDelayTimeLevel() > 0) {
                throw new RemotingCommandException(ResponseCode.MESSAGE_ILLEGAL,
                    "batch messages do not support delay levels");
            }
            if (Boolean.parseBoolean(element.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED))) {
                throw new RemotingCommandException(ResponseCode.MESSAGE_ILLEGAL,
                    "batch messages do not support transactions");
            }
            StoreMessage msg = new StoreMessage();
            msg.setTopic(header.topic());
            msg.setQueueId(queueId);
            msg.setBody(element.getBody());
            msg.setFlag(element.getFlag());
            String merged = BatchMessageCodec.mergeProperties(MessageProperties.encode(element.getProperties()),
                batchPropertiesString);
            checkPropertiesLength(merged);
            msg.setPropertiesString(merged);
            msg.setSysFlag(sysFlag);
            msg.setBornTimestamp(header.bornTimestamp());
            msg.setBornHost((InetSocketAddress) context.remoteSocketAddress());
            msg.setStoreHost(storeHost);
            batch.add(msg);
        }
        return store.putMessages(batch).thenApply(r -> new Outcome(r, queueId));
    }

    private static void checkPropertiesLength(String properties) throws RemotingCommandException {
        if (properties != null && properties.length() > MAX_PROPERTIES_LENGTH / 3
            && properties.getBytes(StandardCharsets.UTF_8).length > MAX_PROPERTIES_LENGTH) {
            throw new RemotingCommandException(ResponseCode.MESSAGE_ILLEGAL,
                "the message properties length over max value, MAX: " + MAX_PROPERTIES_LENGTH);
        }
    }

    private void checkBroker() throws RemotingCommandException {
        if (System.currentTimeMillis() < config.getStartAcceptSendRequestTimeStamp()) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "broker unable to service, until "
                + config.getStartAcceptSendRequestTimeStamp());
        }
    }

    private TopicConfig resolveTopic(SendMessageRequestHeader header, boolean batch) throws RemotingCommandException {
        String name = header.topic();
        String invalid = SystemTopics.validateTopicName(name);
        if (invalid != null) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, invalid);
        }
        if (SystemTopics.isNotAllowedToSend(name)) {
            throw new RemotingCommandException(ResponseCode.NO_PERMISSION,
                "Sending message to topic[" + name + "] is forbidden.");
        }
        TopicConfig topic = topics.get(name);
        if (topic == null) {
            if (SystemTopics.isRetryTopic(name)) {
                topic = topics.createIfAbsent(name, 1, PermName.PERM_READ | PermName.PERM_WRITE);
            } else if (config.isAutoCreateTopicEnable()) {
                int sysFlag = Boolean.TRUE.equals(header.unitMode()) ? 1 : 0;
                topic = topics.createFromTemplate(name, header.defaultTopic(), header.defaultTopicQueueNums(),
                    sysFlag);
            }
        }
        if (topic == null) {
            throw new RemotingCommandException(ResponseCode.TOPIC_NOT_EXIST,
                "topic[" + name + "] not exist, apply first please!");
        }
        if (!PermName.isWriteable(config.getBrokerPermission()) && topic.isOrder()) {
            throw new RemotingCommandException(ResponseCode.NO_PERMISSION,
                "the broker[" + config.getBrokerIP1() + "] sending message is forbidden");
        }
        return topic;
    }

    private static int chooseQueue(SendMessageRequestHeader header, TopicConfig topic, RemotingContext context)
        throws RemotingCommandException {
        int queueId = header.queueId();
        if (queueId < 0) {
            return ThreadLocalRandom.current().nextInt(Math.max(1, topic.getWriteQueueNums()));
        }
        int max = Math.max(topic.getWriteQueueNums(), topic.getReadQueueNums());
        if (queueId >= max) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, "request queueId[" + queueId
                + "] is illegal, " + topic + " Producer: " + context.remoteAddress());
        }
        return queueId;
    }

    private static int sysFlag(int requested, TopicConfig topic) {
        int flag = requested;
        if (topic.getTopicFilterType() == TopicFilterType.MULTI_TAG) {
            flag |= MessageSysFlag.MULTI_TAGS_FLAG;
        }
        return flag;
    }

    /** Sends a retry-topic message past its max reconsume times to the group's DLQ topic. */
    private void handleRetryAndDlq(SendMessageRequestHeader header, StoreMessage msg, int version)
        throws RemotingCommandException {
        if (!SystemTopics.isRetryTopic(header.topic())) {
            return;
        }
        String group = header.topic().substring(SystemTopics.RETRY_GROUP_TOPIC_PREFIX.length());
        SubscriptionGroupConfig groupConfig = groups.findOrCreate(group);
        if (groupConfig == null) {
            throw new RemotingCommandException(ResponseCode.SUBSCRIPTION_GROUP_NOT_EXIST,
                "subscription group not exist, " + group);
        }
        int maxReconsumeTimes = header.maxReconsumeTimes() != null
            && version >= ConsumerSendMsgBackProcessor.MAX_RECONSUME_TIMES_VERSION ? header.maxReconsumeTimes()
            : groupConfig.getRetryMaxTimes();
        int reconsumeTimes = header.reconsumeTimes() == null ? 0 : header.reconsumeTimes();
        if (reconsumeTimes >= maxReconsumeTimes) {
            String dlq = SystemTopics.dlqTopic(group);
            topics.createIfAbsent(dlq, 1, PermName.PERM_READ | PermName.PERM_WRITE);
            msg.setTopic(dlq);
            msg.setQueueId(0);
            msg.clearProperty(MessageConst.PROPERTY_DELAY_TIME_LEVEL);
        }
    }

    private RemotingCommand toResponse(PutResult result, int queueId, boolean batch) {
        int code;
        String remark = null;
        switch (result.status()) {
            case PUT_OK -> code = ResponseCode.SUCCESS;
            case FLUSH_DISK_TIMEOUT -> code = ResponseCode.FLUSH_DISK_TIMEOUT;
            case FLUSH_SLAVE_TIMEOUT -> code = ResponseCode.FLUSH_SLAVE_TIMEOUT;
            case SLAVE_NOT_AVAILABLE -> code = ResponseCode.SLAVE_NOT_AVAILABLE;
            case SERVICE_NOT_AVAILABLE -> {
                code = ResponseCode.SERVICE_NOT_AVAILABLE;
                remark = config.getBrokerRole() == BrokerRole.SLAVE
                    ? "the broker " + config.getBrokerName() + " (brokerId " + config.getBrokerId() + ") is a SLAVE:"
                        + " it does not accept messages; send them to its master (brokerId 0)"
                    : "service not available now. It may be caused by one of the following reasons: the broker's"
                        + " disk is full, messages are put to the slave, message store has been shut down, etc.";
            }
            case CREATE_MAPPED_FILE_FAILED -> {
                code = ResponseCode.SYSTEM_ERROR;
                remark = "create mapped file failed, server is busy or broken.";
            }
            case MESSAGE_ILLEGAL, PROPERTIES_SIZE_EXCEEDED -> {
                code = ResponseCode.MESSAGE_ILLEGAL;
                remark = "the message is illegal, maybe msg body or properties length not matched. msg body length"
                    + " limit " + maxMessageSize + "B, msg properties length limit 32K.";
            }
            case OS_PAGECACHE_BUSY -> {
                code = ResponseCode.SYSTEM_ERROR;
                remark = "[PC_SYNCHRONIZED]broker busy, start flow control for a while";
            }
            default -> {
                code = ResponseCode.SYSTEM_ERROR;
                remark = "UNKNOWN_ERROR";
            }
        }
        RemotingCommand response = failure(code, remark);
        if (result.isOk()) {
            String msgId = batch ? result.msgIds() : result.msgId(0);
            response.writeHeader(new SendMessageResponseHeader(msgId, queueId, result.logicsOffset(),
                null));
        }
        return response;
    }

    private RemotingCommand failure(int code, String remark) {
        RemotingCommand response = RemotingCommand.response(code, remark);
        response.putExt(MessageConst.PROPERTY_MSG_REGION, config.getRegionId());
        response.putExt(MessageConst.PROPERTY_TRACE_SWITCH, config.isTraceOn());
        return response;
    }
}
