package org.rocketmqhm.core.broker.schedule;

import org.rocketmqhm.core.broker.support.JsonConfigFile;
import org.rocketmqhm.core.protocol.body.DelayOffsetSerializeWrapper;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per delay level, the next {@code SCHEDULE_TOPIC_XXXX} queue offset to deliver, persisted in
 * {@code config/delayOffset.json} as {@code {"offsetTable":{level:offset}}}. Thread-safe: each level is updated
 * by its own timer task; {@link #persist()} snapshots the table.
 *
 * @since 0.1.0
 */
public final class DelayOffsetTable {

    private final JsonConfigFile file;
    private final Map<Integer, Long> offsets = new ConcurrentHashMap<>();

    public DelayOffsetTable(Path configDir) {
        this.file = new JsonConfigFile(configDir.resolve("delayOffset.json"));
    }

    public void load() {
        DelayOffsetSerializeWrapper stored = file.read(DelayOffsetSerializeWrapper.class);
        if (stored != null && stored.offsetTable() != null) {
            offsets.putAll(stored.offsetTable());
        }
    }

    /** @return the next offset to deliver for the level (0 when never delivered) */
    public long get(int level) {
        return offsets.getOrDefault(level, 0L);
    }

    public void set(int level, long offset) {
        offsets.put(level, offset);
    }

    /**
     * Slave metadata sync: takes the master's delay offsets and persists them.
     *
     * @param master the master's GET_ALL_DELAY_OFFSET body
     * @since 0.3.0
     */
    public void putAllFromMaster(DelayOffsetSerializeWrapper master) {
        if (master != null && master.offsetTable() != null) {
            offsets.putAll(master.offsetTable());
            persist();
        }
    }

    /** @return a sorted copy, as served by GET_ALL_DELAY_OFFSET */
    public DelayOffsetSerializeWrapper snapshot() {
        return new DelayOffsetSerializeWrapper(new TreeMap<>(offsets));
    }

    public synchronized void persist() {
        file.write(snapshot());
    }
}
