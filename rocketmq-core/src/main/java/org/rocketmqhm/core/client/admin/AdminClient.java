package org.rocketmqhm.core.client.admin;

import org.rocketmqhm.core.client.ClientConfig;
import org.rocketmqhm.core.client.ClientException;
import org.rocketmqhm.core.client.ClientInstance;
import org.rocketmqhm.core.client.impl.TopicRoute;
import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.common.message.MessageIds;
import org.rocketmqhm.core.protocol.PermName;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.BrokerData;
import org.rocketmqhm.core.protocol.body.ClusterInfo;
import org.rocketmqhm.core.protocol.body.ConsumeStats;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.body.ResetOffsetBody;
import org.rocketmqhm.core.protocol.body.TopicOffset;
import org.rocketmqhm.core.protocol.body.TopicRouteData;
import org.rocketmqhm.core.protocol.body.TopicStatsTable;
import org.rocketmqhm.core.protocol.header.CreateTopicRequestHeader;
import org.rocketmqhm.core.protocol.header.GetConsumeStatsRequestHeader;
import org.rocketmqhm.core.protocol.header.GetRouteInfoRequestHeader;
import org.rocketmqhm.core.protocol.header.QueryMessageRequestHeader;
import org.rocketmqhm.core.protocol.header.ResetOffsetRequestHeader;
import org.rocketmqhm.core.protocol.header.TopicRequestHeader;
import org.rocketmqhm.core.protocol.header.ViewMessageRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Administration over the name servers and brokers (§2.5): cluster info, topic routes and creation, topic stats,
 * consumer-group progress, offset reset, and message lookup by key or offset id. Errors surface as
 * {@link ClientException}. With a {@link #setNamespace namespace}, topic and group arguments are names as the user
 * knows them (wrapped as {@code ns%name} on the wire) and topics in results (queue keys, message topics) come back
 * unwrapped; {@link #clusterInfo()} and {@link #masters()} are namespace-free. Thread-safe after {@link #start()}.
 *
 * <pre>{@code
 * AdminClient admin = new AdminClient();
 * admin.setNamesrvAddr("127.0.0.1:9876");
 * admin.start();
 * admin.createTopic("DefaultCluster", "orders", 8);
 * long lag = admin.consumerProgress("order-consumers", "orders").totalLag();
 * }</pre>
 *
 * @since 0.1.0
 */
public class AdminClient extends ClientConfig {

    private volatile ClientInstance instance;

    public synchronized void start() {
        if (instance == null) {
            instance = ClientInstance.obtain(this);
        }
    }

    public synchronized void shutdown() {
        if (instance != null) {
            instance.release();
            instance = null;
        }
    }

    private ClientInstance instance() {
        ClientInstance current = instance;
        if (current == null) {
            throw new IllegalStateException("start() the admin client first");
        }
        return current;
    }

    private RemotingCommand call(String address, RemotingCommand request, String what) {
        return ClientInstance.checkSuccess(instance().invoke(address, request, getRequestTimeoutMillis()), what);
    }

    /** GET_BROKER_CLUSTER_INFO. */
    public ClusterInfo clusterInfo() {
        RemotingCommand response = ClientInstance.checkSuccess(
            instance().invokeNameServer(RemotingCommand.request(RequestCode.GET_BROKER_CLUSTER_INFO)), "cluster info");
        return RemotingJson.decode(response.getBody(), ClusterInfo.class);
    }

    /** GET_ROUTEINFO_BY_TOPIC, uncached. */
    public TopicRouteData topicRoute(String userTopic) {
        String topic = withNamespace(userTopic);
        RemotingCommand response = ClientInstance.checkSuccess(instance().invokeNameServer(RemotingCommand.request(
            RequestCode.GET_ROUTEINFO_BY_TOPIC, new GetRouteInfoRequestHeader(topic, true))), "route of " + topic);
        return RemotingJson.decode(response.getBody(), TopicRouteData.class);
    }

    /**
     * Creates (or updates) the topic on every master of the cluster with read = write = {@code queueNums}.
     *
     * @throws IllegalArgumentException when the name is blank, too long or has characters outside {@code %|a-zA-Z0-9_-}
     */
    public void createTopic(String clusterName, String userTopic, int queueNums) {
        SystemTopics.requireValidTopicName(userTopic);
        String topic = withNamespace(userTopic);
        ClusterInfo info = clusterInfo();
        Set<String> brokerNames = info.clusterAddrTable() == null ? null : info.clusterAddrTable().get(clusterName);
        if (brokerNames == null || brokerNames.isEmpty()) {
            throw new ClientException(ResponseCode.SYSTEM_ERROR, "cluster " + clusterName + " has no brokers");
        }
        for (String brokerName : brokerNames) {
            BrokerData broker = info.brokerAddrTable().get(brokerName);
            String master = broker == null ? null : broker.masterAddress();
            if (master == null) {
                continue;
            }
            call(master, RemotingCommand.request(RequestCode.UPDATE_AND_CREATE_TOPIC, new CreateTopicRequestHeader(
                topic, SystemTopics.AUTO_CREATE_TOPIC_KEY, queueNums, queueNums,
                PermName.PERM_READ | PermName.PERM_WRITE, "SINGLE_TAG", 0, false)), "create topic on " + master);
        }
    }

    private TopicRoute route(String topic) {
        TopicRoute route = instance().refreshRoute(topic);
        if (route == null) {
            throw new ClientException(ResponseCode.TOPIC_NOT_EXIST, "topic " + topic + " does not exist");
        }
        return route;
    }

    /** GET_TOPIC_STATS_INFO from every master of the topic, merged. */
    public Map<MessageQueue, TopicOffset> topicStats(String userTopic) {
        String topic = withNamespace(userTopic);
        Map<MessageQueue, TopicOffset> merged = new TreeMap<>();
        TopicRoute route = route(topic);
        for (String brokerName : route.brokers().keySet()) {
            String master = route.masterAddress(brokerName);
            if (master == null) {
                continue;
            }
            RemotingCommand response = call(master, RemotingCommand.request(RequestCode.GET_TOPIC_STATS_INFO,
                new TopicRequestHeader(topic)), "topic stats of " + topic);
            TopicStatsTable table = RemotingJson.decode(response.getBody(), TopicStatsTable.class);
            if (table.offsetTable() != null) {
                table.offsetTable().forEach((q, o) -> merged.put(unwrap(q), o));
            }
        }
        return merged;
    }

    /** GET_CONSUME_STATS of the group on the topic from every master, with per-queue and total lag. */
    public GroupProgress consumerProgress(String userGroup, String userTopic) {
        String group = withNamespace(userGroup);
        String topic = withNamespace(userTopic);
        TreeMap<MessageQueue, GroupProgress.QueueProgress> queues = new TreeMap<>();
        long total = 0;
        TopicRoute route = route(topic);
        for (String brokerName : route.brokers().keySet()) {
            String master = route.masterAddress(brokerName);
            if (master == null) {
                continue;
            }
            RemotingCommand response = call(master, RemotingCommand.request(RequestCode.GET_CONSUME_STATS,
                new GetConsumeStatsRequestHeader(group, topic)), "consume stats of " + group);
            ConsumeStats stats = RemotingJson.decode(response.getBody(), ConsumeStats.class);
            if (stats.offsetTable() == null) {
                continue;
            }
            for (var e : stats.offsetTable().entrySet()) {
                long lag = Math.max(0, e.getValue().brokerOffset() - e.getValue().consumerOffset());
                total += lag;
                queues.put(unwrap(e.getKey()), new GroupProgress.QueueProgress(e.getValue().brokerOffset(),
                    e.getValue().consumerOffset(), lag, e.getValue().lastTimestamp()));
            }
        }
        return new GroupProgress(queues, total);
    }

    /**
     * INVOKE_BROKER_TO_RESET_OFFSET on every master of the topic: online consumers of the group move to the offsets
     * of {@code timestamp} (-1 = the end). @return the new offset per queue
     */
    public Map<MessageQueue, Long> resetOffsetByTimestamp(String userTopic, String userGroup, long timestamp,
                                                          boolean force) {
        String topic = withNamespace(userTopic);
        String group = withNamespace(userGroup);
        Map<MessageQueue, Long> result = new TreeMap<>();
        TopicRoute route = route(topic);
        for (String brokerName : route.brokers().keySet()) {
            String master = route.masterAddress(brokerName);
            if (master == null) {
                continue;
            }
            RemotingCommand response = call(master, RemotingCommand.request(RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
                new ResetOffsetRequestHeader(topic, group, timestamp, force)), "reset offset of " + group);
            if (response.getBody() != null) {
                ResetOffsetBody body = RemotingJson.decode(response.getBody(), ResetOffsetBody.class);
                if (body.offsetTable() != null) {
                    body.offsetTable().forEach((q, o) -> result.put(unwrap(q), o));
                }
            }
        }
        return result;
    }

    /** QUERY_MESSAGE on every broker of the topic; keeps messages whose KEYS contain {@code key}. */
    public List<MessageExt> queryMessageByKey(String userTopic, String key, int maxNum, long beginMillis,
                                              long endMillis) {
        String topic = withNamespace(userTopic);
        List<MessageExt> found = new ArrayList<>();
        TopicRoute route = route(topic);
        for (String brokerName : route.brokers().keySet()) {
            String address = route.anyAddress(brokerName);
            if (address == null) {
                continue;
            }
            RemotingCommand request = RemotingCommand.request(RequestCode.QUERY_MESSAGE,
                new QueryMessageRequestHeader(topic, key, maxNum, beginMillis, endMillis))
                .putExt("_UNIQUE_KEY_QUERY", "false");
            RemotingCommand response = instance().invoke(address, request, getRequestTimeoutMillis() * 3);
            if (response.getCode() == ResponseCode.QUERY_NOT_FOUND) {
                continue;
            }
            ClientInstance.checkSuccess(response, "query message by key on " + address);
            if (response.getBody() == null) {
                continue;
            }
            for (MessageExt m : MessageDecoder.decodeAll(ByteBuffer.wrap(response.getBody()), true, true)) {
                if (m.getTopic().equals(topic) && Arrays.asList(m.getKeyList()).contains(key)) {
                    m.setTopic(withoutNamespace(m.getTopic()));
                    found.add(m);
                }
            }
        }
        return found;
    }

    /** VIEW_MESSAGE_BY_ID: the message at the commit-log offset encoded in an offset message id. */
    public MessageExt viewMessage(String offsetMsgId) {
        MessageIds.OffsetMessageId id = MessageIds.decodeOffsetMsgId(offsetMsgId);
        InetSocketAddress host = id.address();
        String address = host.getAddress().getHostAddress() + ":" + host.getPort();
        RemotingCommand response = call(address, RemotingCommand.request(RequestCode.VIEW_MESSAGE_BY_ID,
            new ViewMessageRequestHeader(id.commitLogOffset())), "view message " + offsetMsgId);
        MessageExt message = MessageDecoder.decode(ByteBuffer.wrap(response.getBody()), true, true);
        message.setTopic(withoutNamespace(message.getTopic()));
        return message;
    }

    /** @return the queue with its topic as the user names it */
    private MessageQueue unwrap(MessageQueue queue) {
        String topic = withoutNamespace(queue.topic());
        return topic.equals(queue.topic()) ? queue : new MessageQueue(topic, queue.brokerName(), queue.queueId());
    }

    /** @return the master addresses of every broker, from cluster info */
    public Map<String, String> masters() {
        Map<String, String> masters = new HashMap<>();
        clusterInfo().brokerAddrTable().forEach((name, data) -> {
            if (data.masterAddress() != null) {
                masters.put(name, data.masterAddress());
            }
        });
        return masters;
    }
}
