package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.client.ClientChannel;
import org.rocketmqhm.core.broker.client.ConsumerRegistry;
import org.rocketmqhm.core.broker.client.ProducerRegistry;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.broker.subscription.SubscriptionGroupManager;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.filter.FilterException;
import org.rocketmqhm.core.filter.SubscriptionFilters;
import org.rocketmqhm.core.protocol.ExpressionType;
import org.rocketmqhm.core.protocol.PermName;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.CheckClientRequestBody;
import org.rocketmqhm.core.protocol.body.ConsumerData;
import org.rocketmqhm.core.protocol.body.HeartbeatData;
import org.rocketmqhm.core.protocol.body.ProducerData;
import org.rocketmqhm.core.protocol.body.SubscriptionData;
import org.rocketmqhm.core.protocol.body.SubscriptionGroupConfig;
import org.rocketmqhm.core.protocol.header.UnregisterClientRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;

/**
 * HEART_BEAT (34), UNREGISTER_CLIENT (35) and CHECK_CLIENT_CONFIG (46). A consumer heartbeat auto-creates the
 * subscription group and its {@code %RETRY%} topic and registers the members and subscriptions. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ClientManageProcessor implements RequestProcessor {

    private final BrokerConfig config;
    private final ConsumerRegistry consumers;
    private final ProducerRegistry producers;
    private final SubscriptionGroupManager groups;
    private final TopicConfigManager topics;

    public ClientManageProcessor(BrokerConfig config, ConsumerRegistry consumers, ProducerRegistry producers,
                                 SubscriptionGroupManager groups, TopicConfigManager topics) {
        this.config = config;
        this.consumers = consumers;
        this.producers = producers;
        this.groups = groups;
        this.topics = topics;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        return switch (request.getCode()) {
            case RequestCode.HEART_BEAT -> heartbeat(context, request);
            case RequestCode.UNREGISTER_CLIENT -> unregister(context, request);
            case RequestCode.CHECK_CLIENT_CONFIG -> checkClientConfig(request);
            default -> throw new RemotingCommandException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        };
    }

    private RemotingCommand heartbeat(RemotingContext context, RemotingCommand request)
        throws RemotingCommandException {
        HeartbeatData data = decode(request.getBody(), HeartbeatData.class);
        ClientChannel client = new ClientChannel(context.channel(), data.clientID(), request.getLanguage(),
            request.getVersion());
        if (data.consumerDataSet() != null) {
            for (ConsumerData consumer : data.consumerDataSet()) {
                SubscriptionGroupConfig group = groups.findOrCreate(consumer.groupName());
                boolean notify = true;
                if (group != null) {
                    notify = group.isNotifyConsumerIdsChangedEnable();
                    if (group.getRetryQueueNums() > 0) {
                        topics.createIfAbsent(SystemTopics.retryTopic(consumer.groupName()),
                            group.getRetryQueueNums(), PermName.PERM_READ | PermName.PERM_WRITE);
                    }
                }
                consumers.register(client, consumer, notify);
            }
        }
        if (data.producerDataSet() != null) {
            for (ProducerData producer : data.producerDataSet()) {
                producers.register(producer.groupName(), client);
            }
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand unregister(RemotingContext context, RemotingCommand request)
        throws RemotingCommandException {
        UnregisterClientRequestHeader header = request.decodeHeader(UnregisterClientRequestHeader.class);
        if (header.producerGroup() != null) {
            producers.unregister(header.producerGroup(), context.channel());
        }
        if (header.consumerGroup() != null) {
            SubscriptionGroupConfig group = groups.get(header.consumerGroup());
            boolean notify = group == null || group.isNotifyConsumerIdsChangedEnable();
            consumers.unregister(header.consumerGroup(), context.channel(), notify);
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    private RemotingCommand checkClientConfig(RemotingCommand request) throws RemotingCommandException {
        CheckClientRequestBody body = decode(request.getBody(), CheckClientRequestBody.class);
        SubscriptionData sub = body.subscriptionData();
        if (sub == null || ExpressionType.isTag(sub.expressionType())) {
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }
        if (!config.isEnablePropertyFilter()) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                "The broker does not support consumer to filter message by " + sub.expressionType());
        }
        try {
            SubscriptionFilters.of(sub.expressionType(), sub.subString(), sub.codeSet());
        } catch (FilterException e) {
            return RemotingCommand.response(ResponseCode.SUBSCRIPTION_PARSE_FAILED, e.getMessage());
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }

    static <T> T decode(byte[] body, Class<T> type) throws RemotingCommandException {
        try {
            return RemotingJson.decode(body, type);
        } catch (IllegalArgumentException e) {
            throw new RemotingCommandException(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
    }
}
