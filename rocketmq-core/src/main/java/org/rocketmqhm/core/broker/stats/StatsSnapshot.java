package org.rocketmqhm.core.broker.stats;

/**
 * One statistic over one window, as VIEW_BROKER_STATS_DATA reports it: the sum over the window, the rate per
 * second ({@code sum * 1000 / window millis}) and the average per increment ({@code sum / increments}, 0 when
 * none). Immutable.
 *
 * @param sum value added during the window
 * @param tps value per second over the window
 * @param avgpt value per increment during the window
 * @since 0.3.0
 */
public record StatsSnapshot(long sum, double tps, double avgpt) {

    static final StatsSnapshot ZERO = new StatsSnapshot(0, 0, 0);
}
