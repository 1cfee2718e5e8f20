package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.stats.BrokerStats;
import org.rocketmqhm.core.broker.stats.StatsItem;
import org.rocketmqhm.core.broker.stats.StatsSnapshot;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.BrokerStatsData;
import org.rocketmqhm.core.protocol.body.BrokerStatsItem;
import org.rocketmqhm.core.protocol.header.ViewBrokerStatsDataRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;

/**
 * VIEW_BROKER_STATS_DATA (315): one statistic of {@link BrokerStats} over the last minute, hour and day, as
 * BrokerStatsData. A name or key without data answers SYSTEM_ERROR {@code The stats <name> <key> not exist}.
 * Thread-safe.
 *
 * @since 0.3.0
 */
public final class BrokerStatsProcessor implements RequestProcessor {

    private final BrokerStats stats;

    public BrokerStatsProcessor(BrokerStats stats) {
        this.stats = stats;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        if (request.getCode() != RequestCode.VIEW_BROKER_STATS_DATA) {
            throw new RemotingCommandException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        }
        ViewBrokerStatsDataRequestHeader h = request.decodeHeader(ViewBrokerStatsDataRequestHeader.class);
        StatsItem item = stats.find(h.statsName(), h.statsKey());
        if (item == null) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR,
                String.format("The stats <%s> <%s> not exist", h.statsName(), h.statsKey()));
        }
        BrokerStatsData data = new BrokerStatsData(item(item.minute()), item(item.hour()), item(item.day()));
        return RemotingCommand.response(ResponseCode.SUCCESS, null).setBody(RemotingJson.encode(data));
    }

    private static BrokerStatsItem item(StatsSnapshot s) {
        return new BrokerStatsItem(s.sum(), s.tps(), s.avgpt());
    }
}
