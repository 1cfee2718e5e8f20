package org.rocketmqhm.core.protocol.body;

import java.util.List;
import java.util.Map;

/**
 * GET_BROKER_CONSUME_STATS (317) response body: per subscription group (one single-entry map each) the
 * ConsumeStats of each topic it has offsets for, with the broker address and the summed lag.
 *
 * @since 0.3.0
 */
public record ConsumeStatsList(List<Map<String, List<ConsumeStats>>> consumeStatsList, String brokerAddr,
                               long totalDiff) {
}
