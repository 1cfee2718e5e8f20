package org.rocketmqhm.core.protocol.body;

/** One window of a statistic in BrokerStatsData: sum, rate per second, average per increment. @since 0.3.0 */
public record BrokerStatsItem(long sum, double tps, double avgpt) {
}
