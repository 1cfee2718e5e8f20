package org.rocketmqhm.core.protocol.body;

/** VIEW_BROKER_STATS_DATA (315) response body: the last minute, hour and day. @since 0.3.0 */
public record BrokerStatsData(BrokerStatsItem statsMinute, BrokerStatsItem statsHour, BrokerStatsItem statsDay) {
}
