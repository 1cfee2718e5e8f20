package org.rocketmqhm.core.broker.topic;

import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.broker.support.JsonConfigFile;
import org.rocketmqhm.core.protocol.PermName;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.DataVersion;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.body.TopicConfigSerializeWrapper;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The broker's topics, persisted as {@code config/topics.json} (a TopicConfigSerializeWrapper). Every change
 * bumps the DataVersion, rewrites the file and tells the change listeners (the name-server registrar re-registers).
 * Built-in topics of a 4.9 broker are (re)created at load. Reads are lock-free; changes are serialized.
 *
 * @since 0.1.0
 */
public final class TopicConfigManager {

    private final BrokerConfig brokerConfig;
    private final JsonConfigFile file;
    private final Map<String, TopicConfig> topics = new ConcurrentHashMap<>();
    private final List<Consumer<TopicConfig>> changeListeners = new CopyOnWriteArrayList<>();
    private volatile DataVersion dataVersion = DataVersion.initial();

    public TopicConfigManager(BrokerConfig brokerConfig, Path configDir) {
        this.brokerConfig = brokerConfig;
        this.file = new JsonConfigFile(configDir.resolve("topics.json"));
    }

    /** Reads topics.json and adds the built-in topics. */
    public synchronized void load() {
        TopicConfigSerializeWrapper stored = file.read(TopicConfigSerializeWrapper.class);
        if (stored != null && stored.topicConfigTable() != null) {
            topics.putAll(stored.topicConfigTable());
            if (stored.dataVersion() != null) {
                dataVersion = stored.dataVersion();
            }
        }
        createBuiltInTopics();
        dataVersion = dataVersion.next();
        persist();
    }

    private void createBuiltInTopics() {
        int rw = PermName.PERM_READ | PermName.PERM_WRITE;
        int queues = brokerConfig.getDefaultTopicQueueNums();
        topics.put(SystemTopics.AUTO_CREATE_TOPIC_KEY, new TopicConfig(SystemTopics.AUTO_CREATE_TOPIC_KEY, queues,
            queues, brokerConfig.isAutoCreateTopicEnable() ? rw | PermName.PERM_INHERIT : rw));
        putIfAbsent(new TopicConfig(SystemTopics.SELF_TEST_TOPIC, 1, 1, rw));
        putIfAbsent(new TopicConfig(SystemTopics.BENCHMARK_TOPIC, 1024, 1024, rw));
        String cluster = brokerConfig.getBrokerClusterName();
        topics.put(cluster, new TopicConfig(cluster, 16, 16,
            PermName.PERM_INHERIT | (brokerConfig.isClusterTopicEnable() ? rw : 0)));
        String broker = brokerConfig.getBrokerName();
        topics.put(broker, new TopicConfig(broker, 1, 1,
            PermName.PERM_INHERIT | (brokerConfig.isBrokerTopicEnable() ? rw : 0)));
        putIfAbsent(new TopicConfig(SystemTopics.OFFSET_MOVED_EVENT, 1, 1, rw));
        putIfAbsent(new TopicConfig(SystemTopics.SCHEDULE_TOPIC, 18, 18, rw));
        if (brokerConfig.isTraceTopicEnable()) {
            putIfAbsent(new TopicConfig(brokerConfig.getMsgTraceTopicName(), 1, 1, rw));
        }
        String reply = cluster + SystemTopics.REPLY_TOPIC_SUFFIX;
        putIfAbsent(new TopicConfig(reply, 1, 1, rw));
    }

    /**
     * @return the built-in topics this broker reports as system topics (GET_SYSTEM_TOPIC_LIST_FROM_BROKER):
     *     self-test, TBW102 (with auto-creation on), benchmark, cluster and broker names, offset-moved event,
     *     schedule topic, trace topic (when enabled) and the cluster's reply topic
     * @since 0.3.0
     */
    public java.util.Set<String> systemTopicNames() {
        java.util.Set<String> names = new java.util.TreeSet<>();
        names.add(SystemTopics.SELF_TEST_TOPIC);
        if (brokerConfig.isAutoCreateTopicEnable()) {
            names.add(SystemTopics.AUTO_CREATE_TOPIC_KEY);
        }
        names.add(SystemTopics.BENCHMARK_TOPIC);
        names.add(brokerConfig.getBrokerClusterName());
        names.add(brokerConfig.getBrokerName());
        names.add(SystemTopics.OFFSET_MOVED_EVENT);
        names.add(SystemTopics.SCHEDULE_TOPIC);
        if (brokerConfig.isTraceTopicEnable()) {
            names.add(brokerConfig.getMsgTraceTopicName());
        }
        names.add(brokerConfig.getBrokerClusterName() + SystemTopics.REPLY_TOPIC_SUFFIX);
        return names;
    }

    private void putIfAbsent(TopicConfig config) {
        topics.putIfAbsent(config.getTopicName(), config);
    }

    /** @param listener told after each topic creation, update or deletion (deletion passes the removed config) */
    public void addChangeListener(Consumer<TopicConfig> listener) {
        changeListeners.add(listener);
    }

    /** @return the topic's config, or {@code null} */
    public TopicConfig get(String topic) {
        return topics.get(topic);
    }

    /** Creates or replaces a topic. */
    public void update(TopicConfig config) {
        synchronized (this) {
            topics.put(config.getTopicName(), config.copy());
            dataVersion = dataVersion.next();
            persist();
        }
        fireChanged(config);
    }

    /**
     * Creates a topic by copying the template {@code defaultTopic} (section 5.1): queues =
     * min(requested, template write queues), perm = template perm without INHERIT.
     *
     * @return the existing or created topic, or {@code null} when the template is missing or not inheritable
     */
    public TopicConfig createFromTemplate(String topic, String defaultTopic, int requestedQueueNums, int topicSysFlag) {
        TopicConfig created;
        synchronized (this) {
            TopicConfig existing = topics.get(topic);
            if (existing != null) {
                return existing;
            }
            TopicConfig template = defaultTopic == null ? null : topics.get(defaultTopic);
            if (template == null || !PermName.isInherited(template.getPerm())) {
                return null;
            }
            int queues = Math.max(1, Math.min(requestedQueueNums, template.getWriteQueueNums()));
            created = new TopicConfig(topic, queues, queues, template.getPerm() & ~PermName.PERM_INHERIT);
            created.setTopicFilterType(template.getTopicFilterType());
            created.setTopicSysFlag(topicSysFlag);
            topics.put(topic, created);
            dataVersion = dataVersion.next();
            persist();
        }
        fireChanged(created);
        return created;
    }

    /** @return the existing topic, or a new one with the given queues and perm (retry, DLQ, half topics) */
    public TopicConfig createIfAbsent(String topic, int queueNums, int perm) {
        TopicConfig created;
        synchronized (this) {
            TopicConfig existing = topics.get(topic);
            if (existing != null) {
                return existing;
            }
            created = new TopicConfig(topic, queueNums, queueNums, perm);
            topics.put(topic, created);
            dataVersion = dataVersion.next();
            persist();
        }
        fireChanged(created);
        return created;
    }

    /** @return whether the topic existed */
    public boolean delete(String topic) {
        TopicConfig removed;
        synchronized (this) {
            removed = topics.remove(topic);
            if (removed == null) {
                return false;
            }
            dataVersion = dataVersion.next();
            persist();
        }
        fireChanged(removed);
        return true;
    }

    /**
     * Slave metadata sync: replaces every topic with the master's when its DataVersion differs, persists, and
     * does not notify change listeners (a slave's registration does not change routes).
     *
     * @param master the master's GET_ALL_TOPIC_CONFIG body
     * @return whether anything was replaced
     * @since 0.3.0
     */
    public synchronized boolean replaceFromMaster(TopicConfigSerializeWrapper master) {
        if (master == null || master.topicConfigTable() == null
                || (master.dataVersion() != null && master.dataVersion().equals(dataVersion))) {
            return false;
        }
        topics.keySet().retainAll(master.topicConfigTable().keySet());
        master.topicConfigTable().forEach((name, config) -> topics.put(name, config.copy()));
        if (master.dataVersion() != null) {
            dataVersion = master.dataVersion();
        }
        persist();
        return true;
    }

    public DataVersion dataVersion() {
        return dataVersion;
    }

    /** @return a snapshot of every topic with the current DataVersion */
    public TopicConfigSerializeWrapper snapshot() {
        Map<String, TopicConfig> copy = new HashMap<>();
        topics.forEach((name, config) -> copy.put(name, config.copy()));
        return new TopicConfigSerializeWrapper(copy, dataVersion);
    }

    public List<String> topicNames() {
        return new ArrayList<>(topics.keySet());
    }

    private void persist() {
        file.write(new TopicConfigSerializeWrapper(new HashMap<>(topics), dataVersion));
    }

    private void fireChanged(TopicConfig config) {
        for (Consumer<TopicConfig> listener : changeListeners) {
            listener.accept(config);
        }
    }
}
