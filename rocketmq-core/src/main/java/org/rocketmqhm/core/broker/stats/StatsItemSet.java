package org.rocketmqhm.core.broker.stats;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The items of one statistic name (e.g. {@code GROUP_GET_NUMS}), by stats key. Keys of two parts
 * ({@code topic@group}) are held in a map of maps, so the hot path finds an item with two lookups and never
 * concatenates a key; {@link #find(String)} splits the wire form at its first {@code @} (topic and group names
 * cannot contain one). Items are created on first use with {@link StatsCounter.Adder} counters. Thread-safe.
 *
 * @since 0.3.0
 */
public final class StatsItemSet {

    /** Separator of two-part stats keys, as admin tools build them. */
    public static final char SEPARATOR = '@';

    private final String name;
    private final Map<String, StatsItem> single = new ConcurrentHashMap<>();
    private final Map<String, Map<String, StatsItem>> pairs = new ConcurrentHashMap<>();

    StatsItemSet(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** Adds to the item of a one-part key. */
    public void add(String key, long value, int times) {
        StatsItem item = single.get(key);
        if (item == null) {
            item = single.computeIfAbsent(key, k -> newItem());
        }
        ((StatsCounter.Adder) item.counter()).add(value, times);
    }

    /** Adds to the item of the two-part key {@code first@second}. */
    public void add(String first, String second, long value, int times) {
        Map<String, StatsItem> inner = pairs.get(first);
        if (inner == null) {
            inner = pairs.computeIfAbsent(first, k -> new ConcurrentHashMap<>());
        }
        StatsItem item = inner.get(second);
        if (item == null) {
            item = inner.computeIfAbsent(second, k -> newItem());
        }
        ((StatsCounter.Adder) item.counter()).add(value, times);
    }

    /** Registers an item whose counter lives elsewhere (e.g. the store's), unless the key already has one. */
    StatsItem attach(String key, StatsCounter counter, long zeroTimestamp) {
        return single.computeIfAbsent(key, k -> new StatsItem(counter, zeroTimestamp));
    }

    private static StatsItem newItem() {
        return new StatsItem(new StatsCounter.Adder(), System.currentTimeMillis());
    }

    /** @param statsKey key in wire form ({@code topic} or {@code topic@group}) @return its item, or null */
    public StatsItem find(String statsKey) {
        StatsItem item = single.get(statsKey);
        if (item != null) {
            return item;
        }
        int at = statsKey.indexOf(SEPARATOR);
        if (at < 0) {
            return null;
        }
        Map<String, StatsItem> inner = pairs.get(statsKey.substring(0, at));
        return inner == null ? null : inner.get(statsKey.substring(at + 1));
    }

    /** @return the item of {@code first@second}, or null */
    public StatsItem find(String first, String second) {
        Map<String, StatsItem> inner = pairs.get(first);
        return inner == null ? null : inner.get(second);
    }

    void forEach(Consumer<StatsItem> action) {
        single.values().forEach(action);
        pairs.values().forEach(inner -> inner.values().forEach(action));
    }
}
