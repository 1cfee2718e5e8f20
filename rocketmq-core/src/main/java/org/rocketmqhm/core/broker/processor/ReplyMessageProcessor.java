package org.rocketmqhm.core.broker.processor;

import io.netty.channel.Channel;
import org.rocketmqhm.core.broker.client.ClientInvoker;
import org.rocketmqhm.core.broker.client.ProducerRegistry;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageProperties;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.header.ReplyMessageRequestHeader;
import org.rocketmqhm.core.protocol.header.SendMessageRequestHeader;
import org.rocketmqhm.core.protocol.header.SendMessageRequestHeaderV2;
import org.rocketmqhm.core.protocol.header.SendMessageResponseHeader;
import org.rocketmqhm.core.remoting.RemotingAddresses;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;
import org.rocketmqhm.core.store.StoreMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * SEND_REPLY_MESSAGE (324) / SEND_REPLY_MESSAGE_V2 (325), section 5.19: the reply is pushed to the producer
 * channel whose client id is the reply's {@code REPLY_TO_CLIENT} with PUSH_REPLY_MESSAGE_TO_CLIENT (326, 10 s,
 * {@code PUSH_REPLY_TIME} added), and stored in its topic ({@code <cluster>_REPLY_TOPIC}) when
 * {@code storeReplyMessageEnable}. Answers {@code SUCCESS} with {@code msgId="0"} once the push succeeded, else
 * {@code SYSTEM_ERROR} with the reason; never blocks a thread on the push. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ReplyMessageProcessor implements RequestProcessor {

    private static final Logger log = LoggerFactory.getLogger(ReplyMessageProcessor.class);
    private static final long PUSH_TIMEOUT_MILLIS = 10_000;

    private final BrokerConfig config;
    private final MessageStore store;
    private final TopicConfigManager topics;
    private final ProducerRegistry producers;
    private final ClientInvoker invoker;
    private final InetSocketAddress storeHost;

    public ReplyMessageProcessor(BrokerConfig config, MessageStore store, TopicConfigManager topics,
                                 ProducerRegistry producers, ClientInvoker invoker, InetSocketAddress storeHost) {
        this.config = config;
        this.store = store;
        this.topics = topics;
        this.producers = producers;
        this.invoker = invoker;
        this.storeHost = storeHost;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        SendMessageRequestHeader header = request.getCode() == RequestCode.SEND_REPLY_MESSAGE
            ? request.decodeHeader(SendMessageRequestHeader.class)
            : request.decodeHeader(SendMessageRequestHeaderV2.class).toV1();
        String invalid = SystemTopics.validateTopicName(header.topic());
        if (invalid != null) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, invalid);
        }
        TopicConfig topic = topics.get(header.topic());
        if (topic == null && config.isAutoCreateTopicEnable()) {
            topic = topics.createFromTemplate(header.topic(), header.defaultTopic(), header.defaultTopicQueueNums(), 0);
        }
        if (topic == null) {
            throw new RemotingCommandException(ResponseCode.TOPIC_NOT_EXIST,
                "topic[" + header.topic() + "] not exist, apply first please!");
        }
        int queueId = header.queueId() < 0 || header.queueId() >= topic.getWriteQueueNums()
            ? ThreadLocalRandom.current().nextInt(Math.max(1, topic.getWriteQueueNums())) : header.queueId();
        Map<String, String> properties = MessageProperties.decode(header.properties());
        properties.put(MessageConst.PROPERTY_PUSH_REPLY_TIME, String.valueOf(System.currentTimeMillis()));
        String propertiesString = MessageProperties.encode(properties);
        byte[] body = request.getBody() == null ? new byte[0] : request.getBody();
        InetSocketAddress bornHost = (InetSocketAddress) context.remoteSocketAddress();

        String clientId = properties.get(MessageConst.PROPERTY_MESSAGE_REPLY_TO_CLIENT);
        Channel requester = clientId == null ? null : producers.findChannel(clientId);
        CompletableFuture<String> pushed;
        if (requester == null) {
            pushed = CompletableFuture.completedFuture("push reply message fail, channel of <" + clientId
                + "> not found.");
        } else {
            RemotingCommand push = RemotingCommand.request(RequestCode.PUSH_REPLY_MESSAGE_TO_CLIENT,
                new ReplyMessageRequestHeader(header.producerGroup(), header.topic(), header.defaultTopic(),
                    header.defaultTopicQueueNums(), queueId, header.sysFlag(), header.bornTimestamp(),
                    header.flag(), propertiesString, header.reconsumeTimes(), header.unitMode(),
                    RemotingAddresses.toAddress(bornHost), RemotingAddresses.toAddress(storeHost),
                    System.currentTimeMillis()));
            push.setBody(body);
            pushed = invoker.invoke(requester, push, PUSH_TIMEOUT_MILLIS).handle((response, error) -> {
                if (error != null) {
                    return "push reply message to " + clientId + " failed: " + error.getMessage();
                }
                return response.getCode() == ResponseCode.SUCCESS ? null
                    : "push reply message to " + clientId + " failed: " + response.getRemark();
            });
        }
        int reportedQueueId = queueId;
        pushed.thenCompose(failure -> storeIfEnabled(header, reportedQueueId, propertiesString, body, bornHost)
                .thenApply(ignored -> failure))
            .whenComplete((failure, error) -> {
                RemotingCommand response;
                if (error != null || failure != null) {
                    response = RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                        error != null ? String.valueOf(error) : failure);
                } else {
                    response = RemotingCommand.response(ResponseCode.SUCCESS, null);
                    response.writeHeader(new SendMessageResponseHeader("0", reportedQueueId, 0L, null));
                }
                context.writeResponse(response);
            });
        return null;
    }

    private CompletableFuture<Void> storeIfEnabled(SendMessageRequestHeader header, int queueId, String properties,
                                                   byte[] body, InetSocketAddress bornHost) {
        if (!config.isStoreReplyMessageEnable()) {
            return CompletableFuture.completedFuture(null);
        }
        StoreMessage msg = new StoreMessage();
        msg.setTopic(header.topic());
        msg.setQueueId(queueId);
        msg.setBody(body);
        msg.setFlag(header.flag());
        msg.setPropertiesString(properties);
        msg.setSysFlag(header.sysFlag());
        msg.setBornTimestamp(header.bornTimestamp());
        msg.setBornHost(bornHost);
        msg.setStoreHost(storeHost);
        msg.setReconsumeTimes(header.reconsumeTimes() == null ? 0 : header.reconsumeTimes());
        return store.putMessage(msg).handle((put, error) -> {
            if (error != null || !put.isOk()) {
                log.warn("storing reply message in {} failed: {}", header.topic(), error != null ? error
                    : put.status());
            }
            return null;
        });
    }
}
