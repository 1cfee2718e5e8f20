package org.rocketmqhm.core.broker.stats;

import org.rocketmqhm.core.store.StoreStats;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The broker's statistics by name and key, as VIEW_BROKER_STATS_DATA (315) and the runtime info (28) report them.
 *
 * <table>
 *   <caption>Statistics</caption>
 *   <tr><th>name</th><th>stats key</th><th>value per increment</th><th>counted by</th></tr>
 *   <tr><td>TOPIC_PUT_NUMS</td><td>topic</td><td>messages of one put</td><td>the store's counters</td></tr>
 *   <tr><td>TOPIC_PUT_SIZE</td><td>topic</td><td>bytes of one put</td><td>the store's counters</td></tr>
 *   <tr><td>BROKER_PUT_NUMS</td><td>cluster name</td><td>messages of one put</td><td>the store's counters</td></tr>
 *   <tr><td>GROUP_GET_NUMS</td><td>topic@group</td><td>messages of one found pull</td><td>pull processor</td></tr>
 *   <tr><td>GROUP_GET_SIZE</td><td>topic@group</td><td>bytes of one found pull</td><td>pull processor</td></tr>
 *   <tr><td>BROKER_GET_NUMS</td><td>cluster name</td><td>messages of one found pull</td><td>pull processor</td></tr>
 *   <tr><td>SNDBCK_PUT_NUMS</td><td>topic@group</td><td>1 per message sent back</td><td>send-back processor</td></tr>
 * </table>
 *
 * <p>Put statistics reuse the store's {@link StoreStats} counters (the ones the Micrometer meters read) rather than
 * counting twice; their items are attached when a sample or a lookup first sees the topic. The hot paths only add
 * to {@code LongAdder}s found by map lookups. Windows are described in {@link StatsItem}. Also keeps the totals at
 * the start of today and yesterday ({@code msgPutTotalTodayMorning}, ...), rolled by the first sample of a day.
 * Thread-safe.
 *
 * @since 0.3.0
 */
public final class BrokerStats {

    public static final String TOPIC_PUT_NUMS = "TOPIC_PUT_NUMS";
    public static final String TOPIC_PUT_SIZE = "TOPIC_PUT_SIZE";
    public static final String GROUP_GET_NUMS = "GROUP_GET_NUMS";
    public static final String GROUP_GET_SIZE = "GROUP_GET_SIZE";
    public static final String SNDBCK_PUT_NUMS = "SNDBCK_PUT_NUMS";
    public static final String BROKER_PUT_NUMS = "BROKER_PUT_NUMS";
    public static final String BROKER_GET_NUMS = "BROKER_GET_NUMS";

    private final StoreStats store;
    private final String clusterName;
    private final StatsItemSet topicPutNums = new StatsItemSet(TOPIC_PUT_NUMS);
    private final StatsItemSet topicPutSize = new StatsItemSet(TOPIC_PUT_SIZE);
    private final StatsItemSet groupGetNums = new StatsItemSet(GROUP_GET_NUMS);
    private final StatsItemSet groupGetSize = new StatsItemSet(GROUP_GET_SIZE);
    private final StatsItemSet sendBackNums = new StatsItemSet(SNDBCK_PUT_NUMS);
    private final StatsItemSet brokerPutNums = new StatsItemSet(BROKER_PUT_NUMS);
    private final StatsItemSet brokerGetNums = new StatsItemSet(BROKER_GET_NUMS);
    private final Map<String, StatsItemSet> byName = Map.of(TOPIC_PUT_NUMS, topicPutNums, TOPIC_PUT_SIZE,
        topicPutSize, GROUP_GET_NUMS, groupGetNums, GROUP_GET_SIZE, groupGetSize, SNDBCK_PUT_NUMS, sendBackNums,
        BROKER_PUT_NUMS, brokerPutNums, BROKER_GET_NUMS, brokerGetNums);
    private final StatsItem brokerPut;
    private final StatsItem brokerGet;
    private final StatsCounter.Adder brokerGetCounter = new StatsCounter.Adder();
    private final StatsItem getFound;
    private final StatsItem getMiss;
    private volatile long lastMinuteSample = System.currentTimeMillis();
    private volatile DailyTotals daily = new DailyTotals(LocalDate.now(), 0, 0, 0, 0);

    /** Totals at the start of today and of yesterday (0 until the broker has seen a midnight). */
    public record DailyTotals(LocalDate day, long putTodayMorning, long putYesterdayMorning, long getTodayMorning,
                              long getYesterdayMorning) {
    }

    /**
     * @param store the store's counters (puts, get found/miss)
     * @param clusterName key of the broker-wide statistics
     */
    public BrokerStats(StoreStats store, String clusterName) {
        this.store = store;
        this.clusterName = clusterName;
        long now = System.currentTimeMillis();
        brokerPut = brokerPutNums.attach(clusterName, counter(store::putMessageTimes, store::putMessageTimes), now);
        brokerGet = brokerGetNums.attach(clusterName, brokerGetCounter, now);
        getFound = new StatsItem(counter(store::getFoundTimes, store::getFoundTimes), now);
        getMiss = new StatsItem(counter(store::getMissTimes, store::getMissTimes), now);
    }

    private static StatsCounter counter(java.util.function.LongSupplier value, java.util.function.LongSupplier times) {
        return new StatsCounter() {
            @Override
            public long value() {
                return value.getAsLong();
            }

            @Override
            public long times() {
                return times.getAsLong();
            }
        };
    }

    /** Schedules the samplers (10 s, 10 min, 1 h) on the given scheduler. */
    public void start(ScheduledExecutorService scheduler) {
        scheduler.scheduleAtFixedRate(() -> sample(StatsItem.Window.MINUTE), 10, 10, TimeUnit.SECONDS);
        scheduler.scheduleAtFixedRate(() -> sample(StatsItem.Window.HOUR), 10, 10, TimeUnit.MINUTES);
        scheduler.scheduleAtFixedRate(() -> sample(StatsItem.Window.DAY), 1, 1, TimeUnit.HOURS);
    }

    /** Found pull: counts GROUP_GET_NUMS, GROUP_GET_SIZE (key topic@group) and BROKER_GET_NUMS. */
    public void onPullFound(String group, String topic, int messages, int bytes) {
        groupGetNums.add(topic, group, messages, 1);
        groupGetSize.add(topic, group, bytes, 1);
        brokerGetCounter.add(messages, 1);
    }

    /** A message sent back by a consumer of the group: counts SNDBCK_PUT_NUMS (key topic@group). */
    public void onSendBack(String group, String topic) {
        sendBackNums.add(topic, group, 1, 1);
    }

    /**
     * @param statsName a statistic name (see the class table)
     * @param statsKey its key in wire form
     * @return the item, or null when the name is unknown or the key has no data yet
     */
    public StatsItem find(String statsName, String statsKey) {
        StatsItemSet set = byName.get(statsName);
        if (set == null || statsKey == null) {
            return null;
        }
        StatsItem item = set.find(statsKey);
        if (item == null && (set == topicPutNums || set == topicPutSize)) {
            attachTopic(statsKey);
            item = set.find(statsKey);
        }
        return item;
    }

    /** @return the group's pull rate over the last minute (messages per second) */
    public double groupGetTps(String group, String topic) {
        StatsItem item = groupGetNums.find(topic, group);
        return item == null ? 0 : item.minute().tps();
    }

    /** @return broker-wide puts (the store's message count) */
    public StatsItem brokerPut() {
        return brokerPut;
    }

    /** @return broker-wide messages returned by found pulls */
    public StatsItem brokerGet() {
        return brokerGet;
    }

    /** @return store gets that found messages */
    public StatsItem getFound() {
        return getFound;
    }

    /** @return store gets that found none */
    public StatsItem getMiss() {
        return getMiss;
    }

    /** @return totals at the start of today and yesterday */
    public DailyTotals daily() {
        rollDay();
        return daily;
    }

    public String clusterName() {
        return clusterName;
    }

    private void attachTopic(String topic) {
        StoreStats.TopicPuts puts = store.topicPuts(topic);
        if (puts != null) {
            long zero = lastMinuteSample;
            topicPutNums.attach(topic, counter(puts::messages, puts::calls), zero);
            topicPutSize.attach(topic, counter(puts::bytes, puts::calls), zero);
        }
    }

    void sample(StatsItem.Window window) {
        long now = System.currentTimeMillis();
        if (window == StatsItem.Window.MINUTE) {
            for (String topic : store.putTopics()) {
                if (topicPutNums.find(topic) == null) {
                    attachTopic(topic);
                }
            }
            rollDay();
        }
        for (StatsItemSet set : byName.values()) {
            set.forEach(item -> item.sample(window, now));
        }
        getFound.sample(window, now);
        getMiss.sample(window, now);
        if (window == StatsItem.Window.MINUTE) {
            lastMinuteSample = now;
        }
    }

    private synchronized void rollDay() {
        LocalDate today = LocalDate.now();
        DailyTotals d = daily;
        if (!today.equals(d.day())) {
            daily = new DailyTotals(today, brokerPut.counter().value(), d.putTodayMorning(),
                brokerGet.counter().value(), d.getTodayMorning());
        }
    }
}
