package org.rocketmqhm.core.broker.client;

import io.netty.channel.Channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Producer groups and their connections (used for connection listings and, later, transaction check-back).
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class ProducerRegistry {

    private final Map<String, Map<Channel, ClientChannel>> groups = new ConcurrentHashMap<>();

    public void register(String group, ClientChannel client) {
        Map<Channel, ClientChannel> members = groups.computeIfAbsent(group, g -> new ConcurrentHashMap<>());
        ClientChannel previous = members.get(client.channel());
        if (previous != null && previous.clientId().equals(client.clientId())) {
            previous.touch();
        } else {
            members.put(client.channel(), client);
        }
    }

    public void unregister(String group, Channel channel) {
        Map<Channel, ClientChannel> members = groups.get(group);
        if (members != null) {
            members.remove(channel);
            if (members.isEmpty()) {
                groups.remove(group, members);
            }
        }
    }

    public void channelClosed(Channel channel) {
        for (String group : groups.keySet()) {
            unregister(group, channel);
        }
    }

    public void expire(long timeoutMillis) {
        long now = System.currentTimeMillis();
        groups.forEach((group, members) -> {
            members.values().removeIf(c -> now - c.lastUpdateTimestamp() > timeoutMillis);
            if (members.isEmpty()) {
                groups.remove(group, members);
            }
        });
    }

    /** @return the group's live connections */
    public List<ClientChannel> members(String group) {
        Map<Channel, ClientChannel> members = groups.get(group);
        return members == null ? List.of() : new ArrayList<>(members.values());
    }

    /** @return every producer group with its live connections (copy) @since 0.3.0 */
    public Map<String, List<ClientChannel>> snapshot() {
        Map<String, List<ClientChannel>> out = new java.util.TreeMap<>();
        groups.forEach((group, members) -> {
            if (!members.isEmpty()) {
                out.put(group, new ArrayList<>(members.values()));
            }
        });
        return out;
    }

    /** @return a live channel of a producer with that client id (any group), or null */
    public Channel findChannel(String clientId) {
        for (Map<Channel, ClientChannel> members : groups.values()) {
            for (ClientChannel c : members.values()) {
                if (c.clientId().equals(clientId) && c.channel().isActive()) {
                    return c.channel();
                }
            }
        }
        return null;
    }
}
