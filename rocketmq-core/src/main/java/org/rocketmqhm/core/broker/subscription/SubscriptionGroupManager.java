package org.rocketmqhm.core.broker.subscription;

import org.rocketmqhm.core.broker.support.JsonConfigFile;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.DataVersion;
import org.rocketmqhm.core.protocol.body.SubscriptionGroupConfig;
import org.rocketmqhm.core.protocol.body.SubscriptionGroupWrapper;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Consumer-group settings, persisted as {@code config/subscriptionGroup.json}. Groups are created on first
 * heartbeat when {@code autoCreateSubscriptionGroup} is on. Reads are lock-free; changes are serialized.
 *
 * @since 0.1.0
 */
public final class SubscriptionGroupManager {

    private final boolean autoCreate;
    private final JsonConfigFile file;
    private final Map<String, SubscriptionGroupConfig> groups = new ConcurrentHashMap<>();
    private volatile DataVersion dataVersion = DataVersion.initial();

    public SubscriptionGroupManager(boolean autoCreate, Path configDir) {
        this.autoCreate = autoCreate;
        this.file = new JsonConfigFile(configDir.resolve("subscriptionGroup.json"));
    }

    public synchronized void load() {
        SubscriptionGroupWrapper stored = file.read(SubscriptionGroupWrapper.class);
        if (stored != null && stored.subscriptionGroupTable() != null) {
            groups.putAll(stored.subscriptionGroupTable());
            if (stored.dataVersion() != null) {
                dataVersion = stored.dataVersion();
            }
        }
        for (String builtIn : new String[] {SystemTopics.TOOLS_CONSUMER_GROUP, "FILTERSRV_CONSUMER",
            "SELF_TEST_C_GROUP", SystemTopics.CLIENT_INNER_PRODUCER_GROUP, SystemTopics.TRANS_SYSTEM_GROUP}) {
            groups.computeIfAbsent(builtIn, SubscriptionGroupConfig::new);
        }
        persist();
    }

    /** @return the group's config, created when auto-creation is on, else {@code null} */
    public SubscriptionGroupConfig findOrCreate(String group) {
        SubscriptionGroupConfig config = groups.get(group);
        if (config != null || !autoCreate) {
            return config;
        }
        synchronized (this) {
            config = groups.computeIfAbsent(group, SubscriptionGroupConfig::new);
            dataVersion = dataVersion.next();
            persist();
            return config;
        }
    }

    public SubscriptionGroupConfig get(String group) {
        return groups.get(group);
    }

    public synchronized void update(SubscriptionGroupConfig config) {
        groups.put(config.getGroupName(), config);
        dataVersion = dataVersion.next();
        persist();
    }

    public synchronized boolean delete(String group) {
        if (groups.remove(group) == null) {
            return false;
        }
        dataVersion = dataVersion.next();
        persist();
        return true;
    }

    /**
     * Slave metadata sync: replaces every group with the master's when its DataVersion differs, and persists.
     *
     * @param master the master's GET_ALL_SUBSCRIPTIONGROUP_CONFIG body
     * @return whether anything was replaced
     * @since 0.3.0
     */
    public synchronized boolean replaceFromMaster(SubscriptionGroupWrapper master) {
        if (master == null || master.subscriptionGroupTable() == null
                || (master.dataVersion() != null && master.dataVersion().equals(dataVersion))) {
            return false;
        }
        groups.keySet().retainAll(master.subscriptionGroupTable().keySet());
        groups.putAll(master.subscriptionGroupTable());
        if (master.dataVersion() != null) {
            dataVersion = master.dataVersion();
        }
        persist();
        return true;
    }

    public SubscriptionGroupWrapper snapshot() {
        return new SubscriptionGroupWrapper(new HashMap<>(groups), dataVersion);
    }

    private void persist() {
        file.write(new SubscriptionGroupWrapper(new HashMap<>(groups), dataVersion));
    }
}
