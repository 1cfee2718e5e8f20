package org.rocketmqhm.core.acl;

import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.ConsumerData;
import org.rocketmqhm.core.protocol.body.HeartbeatData;
import org.rocketmqhm.core.protocol.body.SubscriptionData;
import org.rocketmqhm.core.remoting.RemotingCommand;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which resources a request needs, with which permission (protocol §7.2 table): sends need PUB on the topic, pulls,
 * offset commits, heartbeats and group queries need SUB on the topic and on the group (as {@code %RETRY%<group>}).
 * Every other code needs no resource (only a valid signature). Stateless.
 *
 * @since 0.3.0
 */
public final class AclResources {

    private AclResources() {
    }

    /**
     * @return resource to needed permission, or null when the request needs none
     * @throws AclException when the request cannot be read
     */
    public static Map<String, Byte> needed(RemotingCommand request) {
        Map<String, String> ext = request.getExtFields();
        if (ext == null && request.getCode() != RequestCode.HEART_BEAT) {
            return null;
        }
        Map<String, Byte> needed = new LinkedHashMap<>(4);
        switch (request.getCode()) {
            case RequestCode.SEND_MESSAGE -> {
                String topic = ext.get("topic");
                if (SystemTopics.isRetryTopic(topic)) {
                    // the V1 header has no "group": the retry send needs no resource (protocol §7.2 quirk)
                    add(needed, group(ext.get("group")), Permission.SUB);
                } else {
                    add(needed, topic, Permission.PUB);
                }
            }
            case RequestCode.SEND_MESSAGE_V2 -> {
                String topic = ext.get("b");
                if (SystemTopics.isRetryTopic(topic)) {
                    add(needed, group(ext.get("a")), Permission.SUB);
                } else {
                    add(needed, topic, Permission.PUB);
                }
            }
            case RequestCode.CONSUMER_SEND_MSG_BACK -> add(needed, group(ext.get("group")), Permission.SUB);
            case RequestCode.PULL_MESSAGE -> {
                add(needed, ext.get("topic"), Permission.SUB);
                add(needed, group(ext.get("consumerGroup")), Permission.SUB);
            }
            case RequestCode.QUERY_MESSAGE -> add(needed, ext.get("topic"), Permission.SUB);
            case RequestCode.HEART_BEAT -> addHeartbeat(needed, request.getBody());
            case RequestCode.UNREGISTER_CLIENT, RequestCode.GET_CONSUMER_LIST_BY_GROUP ->
                add(needed, group(ext.get("consumerGroup")), Permission.SUB);
            case RequestCode.UPDATE_CONSUMER_OFFSET -> {
                add(needed, group(ext.get("consumerGroup")), Permission.SUB);
                add(needed, ext.get("topic"), Permission.SUB);
            }
            default -> {
                return null;
            }
        }
        return needed.isEmpty() ? null : needed;
    }

    private static void addHeartbeat(Map<String, Byte> needed, byte[] body) {
        if (body == null) {
            return;
        }
        HeartbeatData heartbeat;
        try {
            heartbeat = RemotingJson.decode(body, HeartbeatData.class);
        } catch (RuntimeException e) {
            throw new AclException("Decode heartbeat body failed: " + e.getMessage());
        }
        if (heartbeat == null || heartbeat.consumerDataSet() == null) {
            return;
        }
        for (ConsumerData consumer : heartbeat.consumerDataSet()) {
            add(needed, group(consumer.groupName()), Permission.SUB);
            if (consumer.subscriptionDataSet() != null) {
                for (SubscriptionData subscription : consumer.subscriptionDataSet()) {
                    add(needed, subscription.topic(), Permission.SUB);
                }
            }
        }
    }

    private static String group(String group) {
        return group == null ? null : SystemTopics.RETRY_GROUP_TOPIC_PREFIX + group;
    }

    private static void add(Map<String, Byte> needed, String resource, byte perm) {
        if (resource != null) {
            needed.put(resource, perm);
        }
    }
}
