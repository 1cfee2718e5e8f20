package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/** UPDATE_GLOBAL_WHITE_ADDRS_CONFIG (53): comma-joined patterns; {@code aclFileFullPath} (4.9.4+) is optional. */
public record UpdateGlobalWhiteAddrsConfigRequestHeader(
        @Required String globalWhiteAddrs,
        String aclFileFullPath) {
}
