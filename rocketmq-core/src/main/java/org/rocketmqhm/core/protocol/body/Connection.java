package org.rocketmqhm.core.protocol.body;

import org.rocketmqhm.core.remoting.LanguageCode;

/** A client connection as a broker sees it. */
public record Connection(String clientId, String clientAddr, LanguageCode language, int version) {
}
