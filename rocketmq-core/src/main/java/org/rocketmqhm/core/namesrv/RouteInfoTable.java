package org.rocketmqhm.core.namesrv;

import io.netty.channel.Channel;
import org.rocketmqhm.core.protocol.PermName;
import org.rocketmqhm.core.protocol.body.BrokerData;
import org.rocketmqhm.core.protocol.body.ClusterInfo;
import org.rocketmqhm.core.protocol.body.DataVersion;
import org.rocketmqhm.core.protocol.body.QueueData;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.body.TopicRouteData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.UnaryOperator;

/**
 * The name server's knowledge: which broker names hold which topics, the members of each broker name, the
 * clusters, and when each broker address last registered. Guarded by one read-write lock; every method is
 * thread-safe and returns copies.
 *
 * @since 0.1.0
 */
public final class RouteInfoTable {

    private static final Logger log = LoggerFactory.getLogger(RouteInfoTable.class);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Map<String, QueueData>> topicQueues = new HashMap<>();
    private final Map<String, BrokerData> brokers = new HashMap<>();
    private final Map<String, Set<String>> clusters = new HashMap<>();
    private final Map<String, LiveBroker> live = new HashMap<>();

    /** What a slave learns from its registration: its master's addresses (null for masters). */
    public record RegisterResult(String haServerAddr, String masterAddr) {
    }

    private record LiveBroker(String clusterName, String brokerName, long brokerId, long lastUpdate,
                              DataVersion dataVersion, Channel channel, String haServerAddr) {
    }

    public RegisterResult register(BrokerRegistration registration) {
        lock.writeLock().lock();
        try {
            clusters.computeIfAbsent(registration.clusterName(), c -> new TreeSet<>()).add(registration.brokerName());
            boolean first = false;
            BrokerData brokerData = brokers.get(registration.brokerName());
            if (brokerData == null) {
                brokerData = new BrokerData(registration.clusterName(), registration.brokerName(), new HashMap<>());
                brokers.put(registration.brokerName(), brokerData);
                first = true;
            }
            HashMap<Long, String> addrs = brokerData.brokerAddrs();
            addrs.entrySet().removeIf(e -> registration.brokerAddr().equals(e.getValue())
                && e.getKey() != registration.brokerId());
            String previous = addrs.put(registration.brokerId(), registration.brokerAddr());
            first |= previous == null;

            LiveBroker before = live.put(registration.brokerAddr(), new LiveBroker(registration.clusterName(),
                registration.brokerName(), registration.brokerId(), System.currentTimeMillis(),
                registration.dataVersion(), registration.channel(), registration.haServerAddr()));
            boolean changed = first || before == null || !registration.dataVersion().equals(before.dataVersion());
            if (registration.brokerId() == 0 && changed && registration.topics() != null) {
                for (TopicConfig topic : registration.topics().values()) {
                    topicQueues.computeIfAbsent(topic.getTopicName(), t -> new TreeMap<>()).put(
                        registration.brokerName(), new QueueData(registration.brokerName(), topic.getReadQueueNums(),
                            topic.getWriteQueueNums(), topic.getPerm(), topic.getTopicSysFlag()));
                }
            }
            if (before == null) {
                log.info("broker registered: {} {} id {} at {}", registration.clusterName(), registration.brokerName(),
                    registration.brokerId(), registration.brokerAddr());
            }
            if (registration.brokerId() != 0) {
                String masterAddr = addrs.get(0L);
                LiveBroker master = masterAddr == null ? null : live.get(masterAddr);
                if (master != null) {
                    return new RegisterResult(master.haServerAddr(), masterAddr);
                }
            }
            return new RegisterResult(null, null);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes one broker address, and the broker name with its queues when it was the last member. */
    public void unregister(String brokerName, String brokerAddr, long brokerId) {
        lock.writeLock().lock();
        try {
            removeAddress(brokerName, brokerAddr, brokerId);
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes every broker address whose last registration is older than the expiry. */
    public int expireInactive(long now, long expiryMillis) {
        lock.writeLock().lock();
        try {
            int removed = 0;
            for (Map.Entry<String, LiveBroker> entry : new ArrayList<>(live.entrySet())) {
                LiveBroker broker = entry.getValue();
                if (now - broker.lastUpdate() > expiryMillis) {
                    log.warn("broker {} at {} expired: no registration for {} ms", broker.brokerName(), entry.getKey(),
                        now - broker.lastUpdate());
                    if (broker.channel() != null) {
                        broker.channel().close();
                    }
                    removeAddress(broker.brokerName(), entry.getKey(), broker.brokerId());
                    removed++;
                }
            }
            return removed;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes the broker addresses registered over a connection that has gone away. */
    public void removeByChannel(Channel channel) {
        lock.writeLock().lock();
        try {
            for (Map.Entry<String, LiveBroker> entry : new ArrayList<>(live.entrySet())) {
                if (entry.getValue().channel() == channel) {
                    log.info("broker {} at {} left: its connection closed", entry.getValue().brokerName(), entry.getKey());
                    removeAddress(entry.getValue().brokerName(), entry.getKey(), entry.getValue().brokerId());
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    private void removeAddress(String brokerName, String brokerAddr, long brokerId) {
        live.remove(brokerAddr);
        BrokerData brokerData = brokers.get(brokerName);
        if (brokerData == null) {
            return;
        }
        brokerData.brokerAddrs().remove(brokerId, brokerAddr);
        if (!brokerData.brokerAddrs().isEmpty()) {
            return;
        }
        brokers.remove(brokerName);
        clusters.values().forEach(names -> names.remove(brokerName));
        clusters.values().removeIf(Set::isEmpty);
        Iterator<Map<String, QueueData>> topics = topicQueues.values().iterator();
        while (topics.hasNext()) {
            Map<String, QueueData> queues = topics.next();
            queues.remove(brokerName);
            if (queues.isEmpty()) {
                topics.remove();
            }
        }
        log.info("broker name {} removed: no member left", brokerName);
    }

    /** @return whether the stored version for the address differs; refreshes its liveness when it does not */
    public boolean isDataVersionChanged(String brokerAddr, DataVersion version) {
        lock.writeLock().lock();
        try {
            LiveBroker broker = live.get(brokerAddr);
            if (broker == null || !broker.dataVersion().equals(version)) {
                return true;
            }
            live.put(brokerAddr, new LiveBroker(broker.clusterName(), broker.brokerName(), broker.brokerId(),
                System.currentTimeMillis(), broker.dataVersion(), broker.channel(), broker.haServerAddr()));
            return false;
        } finally {
            lock.writeLock().unlock();
        }
    }

    public DataVersion dataVersion(String brokerAddr) {
        lock.readLock().lock();
        try {
            LiveBroker broker = live.get(brokerAddr);
            return broker == null ? null : broker.dataVersion();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return the topic's route, or {@code null} when no live broker holds it */
    public TopicRouteData route(String topic, String orderTopicConf) {
        lock.readLock().lock();
        try {
            Map<String, QueueData> queues = topicQueues.get(topic);
            if (queues == null || queues.isEmpty()) {
                return null;
            }
            List<QueueData> queueDatas = new ArrayList<>(queues.values());
            List<BrokerData> brokerDatas = new ArrayList<>();
            for (String brokerName : queues.keySet()) {
                BrokerData brokerData = brokers.get(brokerName);
                if (brokerData != null) {
                    brokerDatas.add(brokerData.copy());
                }
            }
            if (brokerDatas.isEmpty()) {
                return null;
            }
            return new TopicRouteData(orderTopicConf, queueDatas, brokerDatas, new HashMap<>());
        } finally {
            lock.readLock().unlock();
        }
    }

    public ClusterInfo clusterInfo() {
        lock.readLock().lock();
        try {
            Map<String, BrokerData> brokerCopy = new TreeMap<>();
            brokers.forEach((name, data) -> brokerCopy.put(name, data.copy()));
            Map<String, Set<String>> clusterCopy = new TreeMap<>();
            clusters.forEach((name, names) -> clusterCopy.put(name, new TreeSet<>(names)));
            return new ClusterInfo(brokerCopy, clusterCopy);
        } finally {
            lock.readLock().unlock();
        }
    }

    public Set<String> allTopics() {
        lock.readLock().lock();
        try {
            return new TreeSet<>(topicQueues.keySet());
        } finally {
            lock.readLock().unlock();
        }
    }

    public Set<String> topicsOfCluster(String cluster) {
        lock.readLock().lock();
        try {
            Set<String> names = clusters.getOrDefault(cluster, Set.of());
            Set<String> topics = new TreeSet<>();
            topicQueues.forEach((topic, queues) -> {
                if (queues.keySet().stream().anyMatch(names::contains)) {
                    topics.add(topic);
                }
            });
            return topics;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** @return cluster names and broker names (they are topics too), and one broker address, or null */
    public Map.Entry<Set<String>, String> systemTopics() {
        lock.readLock().lock();
        try {
            Set<String> topics = new TreeSet<>(clusters.keySet());
            clusters.values().forEach(topics::addAll);
            String anyAddr = brokers.values().stream().map(BrokerData::anyAddress).filter(a -> a != null)
                .findFirst().orElse(null);
            return Map.entry(topics, anyAddr == null ? "" : anyAddr);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Clears the write bit of every queue of the broker name; returns how many topics changed. */
    public int wipeWritePerm(String brokerName) {
        return changePerm(brokerName, perm -> perm & ~PermName.PERM_WRITE);
    }

    /** Sets the write bit of every queue of the broker name; returns how many topics changed. */
    public int addWritePerm(String brokerName) {
        return changePerm(brokerName, perm -> perm | PermName.PERM_WRITE);
    }

    private int changePerm(String brokerName, UnaryOperator<Integer> change) {
        lock.writeLock().lock();
        try {
            int count = 0;
            for (Map<String, QueueData> queues : topicQueues.values()) {
                QueueData queueData = queues.get(brokerName);
                if (queueData != null) {
                    queues.put(brokerName, queueData.withPerm(change.apply(queueData.perm())));
                    count++;
                }
            }
            return count;
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Removes a topic, from every broker or only from the brokers of one cluster. */
    public void deleteTopic(String topic, String clusterName) {
        lock.writeLock().lock();
        try {
            if (clusterName == null || clusterName.isEmpty()) {
                topicQueues.remove(topic);
                return;
            }
            Map<String, QueueData> queues = topicQueues.get(topic);
            if (queues != null) {
                queues.keySet().removeAll(clusters.getOrDefault(clusterName, Set.of()));
                if (queues.isEmpty()) {
                    topicQueues.remove(topic);
                }
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
