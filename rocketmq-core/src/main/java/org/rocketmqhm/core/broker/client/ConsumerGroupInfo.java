package org.rocketmqhm.core.broker.client;

import io.netty.channel.Channel;
import org.rocketmqhm.core.protocol.ConsumeFromWhere;
import org.rocketmqhm.core.protocol.ConsumeType;
import org.rocketmqhm.core.protocol.MessageModel;
import org.rocketmqhm.core.protocol.body.ConsumerData;
import org.rocketmqhm.core.protocol.body.SubscriptionData;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The live members of one consumer group on this broker and the group's subscriptions (the latest heartbeat
 * wins). Thread-safe: members and subscriptions are concurrent maps; the consume settings are volatile.
 *
 * @since 0.1.0
 */
public final class ConsumerGroupInfo {

    private final String groupName;
    private final Map<Channel, ClientChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, SubscriptionData> subscriptions = new ConcurrentHashMap<>();
    private volatile ConsumeType consumeType;
    private volatile MessageModel messageModel;
    private volatile ConsumeFromWhere consumeFromWhere;

    public ConsumerGroupInfo(String groupName) {
        this.groupName = groupName;
    }

    /** @return whether the channel is new to the group */
    boolean updateChannel(ClientChannel client, ConsumerData data) {
        consumeType = data.consumeType();
        messageModel = data.messageModel();
        consumeFromWhere = data.consumeFromWhere();
        ClientChannel previous = channels.get(client.channel());
        if (previous != null && previous.clientId().equals(client.clientId())) {
            previous.touch();
            return false;
        }
        channels.put(client.channel(), client);
        return true;
    }

    /** @return whether a subscription was added or has a newer version */
    boolean updateSubscriptions(Iterable<SubscriptionData> newSubscriptions) {
        boolean changed = false;
        if (newSubscriptions == null) {
            return false;
        }
        for (SubscriptionData sub : newSubscriptions) {
            SubscriptionData old = subscriptions.get(sub.topic());
            if (old == null) {
                subscriptions.put(sub.topic(), sub);
                changed = true;
            } else if (sub.subVersion() > old.subVersion()) {
                subscriptions.put(sub.topic(), sub);
                if (!sub.subString().equals(old.subString())) {
                    changed = true;
                }
            }
        }
        return changed;
    }

    /** @return the removed member or {@code null} */
    ClientChannel removeChannel(Channel channel) {
        return channels.remove(channel);
    }

    /** @return members that missed heartbeats for longer than the timeout (removed) */
    List<ClientChannel> removeExpired(long now, long timeoutMillis) {
        List<ClientChannel> expired = new ArrayList<>();
        channels.values().removeIf(c -> {
            if (now - c.lastUpdateTimestamp() > timeoutMillis) {
                expired.add(c);
                return true;
            }
            return false;
        });
        return expired;
    }

    public String groupName() {
        return groupName;
    }

    public List<ClientChannel> members() {
        return new ArrayList<>(channels.values());
    }

    public List<String> clientIds() {
        List<String> ids = new ArrayList<>();
        for (ClientChannel c : channels.values()) {
            ids.add(c.clientId());
        }
        return ids;
    }

    public SubscriptionData subscription(String topic) {
        return subscriptions.get(topic);
    }

    public Map<String, SubscriptionData> subscriptions() {
        return Map.copyOf(subscriptions);
    }

    public ConsumeType consumeType() {
        return consumeType;
    }

    public MessageModel messageModel() {
        return messageModel;
    }

    public ConsumeFromWhere consumeFromWhere() {
        return consumeFromWhere;
    }

    public boolean isEmpty() {
        return channels.isEmpty();
    }
}
