package org.rocketmqhm.core.broker.stats;

import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.store.StoreStats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Windows of {@link StatsItem} and key lookup of {@link BrokerStats}, on explicit sample times. */
class BrokerStatsTests {

    @Test
    void minuteWindowComparesTheLiveCounterWithTheOldestKeptSample() {
        StatsCounter.Adder counter = new StatsCounter.Adder();
        StatsItem item = new StatsItem(counter, 1_000);
        counter.add(5, 1);
        item.sample(StatsItem.Window.MINUTE, 11_000);
        counter.add(3, 1);

        StatsSnapshot s = item.snapshot(StatsItem.Window.MINUTE, 21_000);
        assertThat(s.sum()).isEqualTo(8);
        assertThat(s.tps()).isCloseTo(0.4, within(1e-9));
        assertThat(s.avgpt()).isCloseTo(4.0, within(1e-9));

        for (long t = 21_000; t <= 81_000; t += 10_000) {
            item.sample(StatsItem.Window.MINUTE, t);
        }
        counter.add(2, 2);
        StatsSnapshot later = item.snapshot(StatsItem.Window.MINUTE, 91_000);
        assertThat(later.sum()).as("the zero seed and the 11 s sample dropped out").isEqualTo(2);
        assertThat(later.avgpt()).isCloseTo(1.0, within(1e-9));
        assertThat(item.snapshot(StatsItem.Window.DAY, 91_000).sum()).isEqualTo(10);
    }

    @Test
    void itemsAreFoundByNameAndWireKey() {
        BrokerStats stats = new BrokerStats(new StoreStats(), "ClusterX");
        assertThat(stats.find(BrokerStats.GROUP_GET_NUMS, "t@g")).isNull();
        assertThat(stats.find(BrokerStats.TOPIC_PUT_NUMS, "t")).isNull();
        assertThat(stats.find("NO_SUCH_STATS", "t")).isNull();

        stats.onPullFound("g", "t", 3, 300);
        stats.onPullFound("g", "t", 1, 100);
        stats.onSendBack("g", "t");

        assertThat(stats.find(BrokerStats.GROUP_GET_NUMS, "t@g").minute().sum()).isEqualTo(4);
        assertThat(stats.find(BrokerStats.GROUP_GET_SIZE, "t@g").day().sum()).isEqualTo(400);
        assertThat(stats.find(BrokerStats.GROUP_GET_SIZE, "t@g").day().avgpt()).isCloseTo(200.0, within(1e-9));
        assertThat(stats.find(BrokerStats.SNDBCK_PUT_NUMS, "t@g").hour().sum()).isEqualTo(1);
        assertThat(stats.find(BrokerStats.BROKER_GET_NUMS, "ClusterX").minute().sum()).isEqualTo(4);
        assertThat(stats.find(BrokerStats.GROUP_GET_NUMS, "t@other")).isNull();
        assertThat(stats.brokerGet().counter().value()).isEqualTo(4);
    }
}
