package org.rocketmqhm.core.protocol.body;

import java.util.List;
import java.util.Map;

/** GET_ALL_PRODUCER_INFO (328) response body: producer group to its connections. @since 0.3.0 */
public record ProducerTableInfo(Map<String, List<ProducerInfo>> data) {
}
