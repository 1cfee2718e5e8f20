package org.rocketmqhm.core.broker.client;

import io.netty.channel.Channel;
import org.rocketmqhm.core.protocol.body.ConsumerData;
import org.rocketmqhm.core.protocol.body.SubscriptionData;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consumer groups and their members, fed by HEART_BEAT and UNREGISTER_CLIENT and cleaned on channel close and
 * heartbeat expiry. Each membership or subscription change is reported to the {@link GroupChangeListener}
 * (which sends NOTIFY_CONSUMER_IDS_CHANGED). Thread-safe.
 *
 * @since 0.1.0
 */
public final class ConsumerRegistry {

    /** Told when a group's members or subscriptions changed. */
    @FunctionalInterface
    public interface GroupChangeListener {
        void groupChanged(ConsumerGroupInfo group);
    }

    private final Map<String, ConsumerGroupInfo> groups = new ConcurrentHashMap<>();
    private final GroupChangeListener listener;

    public ConsumerRegistry(GroupChangeListener listener) {
        this.listener = listener;
    }

    /** Registers a heartbeat of one consumer group. */
    public void register(ClientChannel client, ConsumerData data, boolean notify) {
        ConsumerGroupInfo group = groups.computeIfAbsent(data.groupName(), ConsumerGroupInfo::new);
        boolean joined = group.updateChannel(client, data);
        boolean subscriptionsChanged = group.updateSubscriptions(data.subscriptionDataSet());
        if ((joined || subscriptionsChanged) && notify) {
            listener.groupChanged(group);
        }
    }

    /** Removes one client from one group (UNREGISTER_CLIENT). */
    public void unregister(String groupName, Channel channel, boolean notify) {
        ConsumerGroupInfo group = groups.get(groupName);
        if (group != null && group.removeChannel(channel) != null) {
            afterRemoval(group, notify);
        }
    }

    /** Removes the channel from every group (connection closed). */
    public void channelClosed(Channel channel) {
        for (ConsumerGroupInfo group : groups.values()) {
            if (group.removeChannel(channel) != null) {
                afterRemoval(group, true);
            }
        }
    }

    /** @return channels dropped for missing heartbeats */
    public List<ClientChannel> expire(long timeoutMillis) {
        long now = System.currentTimeMillis();
        List<ClientChannel> dropped = new ArrayList<>();
        for (ConsumerGroupInfo group : groups.values()) {
            List<ClientChannel> expired = group.removeExpired(now, timeoutMillis);
            if (!expired.isEmpty()) {
                dropped.addAll(expired);
                afterRemoval(group, true);
            }
        }
        return dropped;
    }

    private void afterRemoval(ConsumerGroupInfo group, boolean notify) {
        if (group.isEmpty()) {
            groups.remove(group.groupName(), group);
        } else if (notify) {
            listener.groupChanged(group);
        }
    }

    public ConsumerGroupInfo group(String groupName) {
        return groups.get(groupName);
    }

    /** @return the subscription registered by heartbeat for (group, topic), or {@code null} */
    public SubscriptionData subscription(String groupName, String topic) {
        ConsumerGroupInfo group = groups.get(groupName);
        return group == null ? null : group.subscription(topic);
    }

    /** @return online groups subscribing the topic */
    public Set<String> groupsSubscribing(String topic) {
        Set<String> out = new HashSet<>();
        groups.forEach((name, group) -> {
            if (group.subscription(topic) != null) {
                out.add(name);
            }
        });
        return out;
    }
}
