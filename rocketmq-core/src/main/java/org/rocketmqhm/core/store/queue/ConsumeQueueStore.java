package org.rocketmqhm.core.store.queue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Consumer;

/**
 * All consume queues of the store, keyed by topic then queueId; created on first dispatch. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ConsumeQueueStore {

    private final String rootDir;
    private final int fileSize;
    private final ConcurrentMap<String, ConcurrentMap<Integer, ConsumeQueue>> table = new ConcurrentHashMap<>();

    /** @param rootDir consume-queue directory @param fileSize file size (multiple of 20) */
    public ConsumeQueueStore(String rootDir, int fileSize) {
        this.rootDir = rootDir;
        this.fileSize = fileSize;
    }

    /** Loads every {@code <topic>/<queueId>} directory. @return whether all loaded cleanly */
    public boolean load() {
        File[] topics = new File(rootDir).listFiles(File::isDirectory);
        boolean ok = true;
        if (topics == null) {
            return true;
        }
        for (File t : topics) {
            File[] queues = t.listFiles(f -> f.isDirectory() && f.getName().matches("\\d+"));
            if (queues == null) {
                continue;
            }
            for (File q : queues) {
                ConsumeQueue cq = new ConsumeQueue(rootDir, t.getName(), Integer.parseInt(q.getName()), fileSize);
                ok &= cq.load();
                table.computeIfAbsent(t.getName(), k -> new ConcurrentHashMap<>()).put(cq.getQueueId(), cq);
            }
        }
        return ok;
    }

    /** @param topic topic @param queueId queue @return the queue or null */
    public ConsumeQueue find(String topic, int queueId) {
        Map<Integer, ConsumeQueue> m = table.get(topic);
        return m == null ? null : m.get(queueId);
    }

    /** @param topic topic @param queueId queue @return existing or new queue */
    public ConsumeQueue findOrCreate(String topic, int queueId) {
        return table.computeIfAbsent(topic, k -> new ConcurrentHashMap<>())
                .computeIfAbsent(queueId, q -> new ConsumeQueue(rootDir, topic, q, fileSize));
    }

    /** @param action applied to every queue */
    public void forEach(Consumer<ConsumeQueue> action) {
        for (Map<Integer, ConsumeQueue> m : table.values()) {
            m.values().forEach(action);
        }
    }

    /** @return snapshot of all queues */
    public List<ConsumeQueue> all() {
        List<ConsumeQueue> out = new ArrayList<>();
        forEach(out::add);
        return out;
    }

    /** @return largest referenced commit-log end over all queues, -1 when none */
    public long maxPhysicOffset() {
        long max = -1;
        for (ConsumeQueue cq : all()) {
            max = Math.max(max, cq.getMaxPhysicOffset());
        }
        return max;
    }

    /** @param topic topic to delete with all its files @return whether it existed */
    public boolean deleteTopic(String topic) {
        Map<Integer, ConsumeQueue> m = table.remove(topic);
        if (m == null) {
            return false;
        }
        m.values().forEach(ConsumeQueue::destroy);
        new File(rootDir, topic).delete();
        return true;
    }

    /**
     * Destroys every queue (except those of {@code keepTopic}) whose last unit points below {@code minPhyOffset},
     * i.e. whose messages all left the commit log; a topic left without queues is dropped. Empty queues stay.
     *
     * @param minPhyOffset the commit log's smallest offset
     * @param keepTopic topic never cleaned (the schedule topic)
     * @return the removed queues as {@code topic-queueId} keys ({@link QueueOffsetTable#key})
     * @since 0.3.0
     */
    public List<String> destroyExpired(long minPhyOffset, String keepTopic) {
        List<String> removed = new ArrayList<>();
        for (Map.Entry<String, ConcurrentMap<Integer, ConsumeQueue>> topic : table.entrySet()) {
            if (topic.getKey().equals(keepTopic)) {
                continue;
            }
            ConcurrentMap<Integer, ConsumeQueue> queues = topic.getValue();
            for (ConsumeQueue cq : queues.values()) {
                long end = cq.getMaxPhysicOffset();
                if (end != -1 && end <= minPhyOffset) {
                    queues.remove(cq.getQueueId());
                    cq.destroy();
                    removed.add(QueueOffsetTable.key(cq.getTopic(), cq.getQueueId()));
                }
            }
            if (queues.isEmpty()) {
                table.remove(topic.getKey(), queues);
                new File(rootDir, topic.getKey()).delete();
            }
        }
        return removed;
    }

    /** @param leastPages dirty-page threshold */
    public void flush(int leastPages) {
        forEach(cq -> cq.flush(leastPages));
    }

    /** Unmaps everything without flushing. */
    public void close() {
        forEach(ConsumeQueue::close);
        table.clear();
    }
}
