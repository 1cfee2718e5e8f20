package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** VIEW_BROKER_STATS_DATA (315) request: a statistic name and its key ({@code topic}, {@code topic@group}, ...). */
public record ViewBrokerStatsDataRequestHeader(
        @Required String statsName,
        @Required String statsKey) {
}
