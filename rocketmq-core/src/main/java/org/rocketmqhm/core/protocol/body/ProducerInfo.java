package org.rocketmqhm.core.protocol.body;

import org.rocketmqhm.core.remoting.LanguageCode;

/** One producer connection in ProducerTableInfo. @since 0.3.0 */
public record ProducerInfo(String clientId, String remoteIP, LanguageCode language, int version,
                           long lastUpdateTimestamp) {
}
