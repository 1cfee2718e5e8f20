package org.rocketmqhm.core.broker.offset;

import org.rocketmqhm.core.broker.support.JsonConfigFile;
import org.rocketmqhm.core.protocol.body.ConsumerOffsetSerializeWrapper;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Committed consumer offsets: {@code topic@group -> queueId -> next offset to consume}, persisted as
 * {@code config/consumerOffset.json} by {@link #persist()} (called periodically and at shutdown). Commits are
 * lock-free map writes; thread-safe.
 *
 * @since 0.1.0
 */
public final class ConsumerOffsetManager {

    private static final String SEPARATOR = "@";

    private final JsonConfigFile file;
    private final ConcurrentMap<String, ConcurrentMap<Integer, Long>> offsets = new ConcurrentHashMap<>();

    public ConsumerOffsetManager(Path configDir) {
        this.file = new JsonConfigFile(configDir.resolve("consumerOffset.json"));
    }

    public void load() {
        ConsumerOffsetSerializeWrapper stored = file.read(ConsumerOffsetSerializeWrapper.class);
        if (stored != null && stored.offsetTable() != null) {
            stored.offsetTable().forEach((key, table) -> offsets.put(key, new ConcurrentHashMap<>(table)));
        }
    }

    public void commit(String group, String topic, int queueId, long offset) {
        offsets.computeIfAbsent(topic + SEPARATOR + group, k -> new ConcurrentHashMap<>()).put(queueId, offset);
    }

    /** @return the committed offset, or -1 when none */
    public long query(String group, String topic, int queueId) {
        Map<Integer, Long> table = offsets.get(topic + SEPARATOR + group);
        Long offset = table == null ? null : table.get(queueId);
        return offset == null ? -1 : offset;
    }

    /** @return queue id to offset for the group's topic (copy, possibly empty) */
    public Map<Integer, Long> queryAll(String group, String topic) {
        Map<Integer, Long> table = offsets.get(topic + SEPARATOR + group);
        return table == null ? Map.of() : new HashMap<>(table);
    }

    /** @return topics the group has offsets for */
    public Set<String> topicsOf(String group) {
        Set<String> out = new HashSet<>();
        for (String key : offsets.keySet()) {
            int at = key.lastIndexOf(SEPARATOR);
            if (at > 0 && key.substring(at + 1).equals(group)) {
                out.add(key.substring(0, at));
            }
        }
        return out;
    }

    /** @return groups having offsets for the topic */
    public Set<String> groupsOf(String topic) {
        Set<String> out = new HashSet<>();
        for (String key : offsets.keySet()) {
            int at = key.lastIndexOf(SEPARATOR);
            if (at > 0 && key.substring(0, at).equals(topic)) {
                out.add(key.substring(at + 1));
            }
        }
        return out;
    }

    /**
     * Copies the source group's offsets of the topic over the destination group's (CLONE_GROUP_OFFSET).
     *
     * @return whether the source group had offsets to copy
     * @since 0.3.0
     */
    public boolean cloneOffsets(String srcGroup, String destGroup, String topic) {
        Map<Integer, Long> source = offsets.get(topic + SEPARATOR + srcGroup);
        if (source == null) {
            return false;
        }
        offsets.put(topic + SEPARATOR + destGroup, new ConcurrentHashMap<>(source));
        return true;
    }

    /**
     * Per queue, the smallest committed offset of the topic over all groups except the filtered ones, ignoring
     * offsets below the queue's minimum (QUERY_CORRECTION_OFFSET).
     *
     * @param topic topic
     * @param excludedGroups groups left out
     * @param minOffsetInQueue the queue's first available offset, by queue id
     * @return queue id to minimum offset (new map)
     * @since 0.3.0
     */
    public Map<Integer, Long> minOffsets(String topic, Set<String> excludedGroups,
                                         java.util.function.IntToLongFunction minOffsetInQueue) {
        Map<Integer, Long> min = new HashMap<>();
        String prefix = topic + SEPARATOR;
        offsets.forEach((key, table) -> {
            if (!key.startsWith(prefix) || key.indexOf(SEPARATOR, prefix.length()) >= 0
                || excludedGroups.contains(key.substring(prefix.length()))) {
                return;
            }
            table.forEach((queueId, offset) -> {
                if (offset >= minOffsetInQueue.applyAsLong(queueId)) {
                    min.merge(queueId, offset, Math::min);
                }
            });
        });
        return min;
    }

    public void removeGroup(String group) {
        offsets.keySet().removeIf(key -> key.endsWith(SEPARATOR + group));
    }

    public void removeTopic(String topic) {
        offsets.keySet().removeIf(key -> key.startsWith(topic + SEPARATOR));
    }

    /**
     * Slave metadata sync: takes every offset the master has (offsets only the slave knows are kept).
     *
     * @param master the master's GET_ALL_CONSUMER_OFFSET body
     * @since 0.3.0
     */
    public void putAllFromMaster(ConsumerOffsetSerializeWrapper master) {
        if (master == null || master.offsetTable() == null) {
            return;
        }
        master.offsetTable().forEach((key, table) -> offsets.put(key, new ConcurrentHashMap<>(table)));
    }

    public ConsumerOffsetSerializeWrapper snapshot() {
        Map<String, Map<Integer, Long>> copy = new HashMap<>();
        offsets.forEach((key, table) -> copy.put(key, new HashMap<>(table)));
        return new ConsumerOffsetSerializeWrapper(copy);
    }

    /** Writes consumerOffset.json. */
    public synchronized void persist() {
        file.write(snapshot());
    }
}
