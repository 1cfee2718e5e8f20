package org.rocketmqhm.core.protocol.body;

import java.util.HashMap;
import java.util.Map;

/** The members of one broker name: broker id (0 = master) to {@code ip:port}. */
public record BrokerData(String cluster, String brokerName, HashMap<Long, String> brokerAddrs) {

    /** @return the master's address, or {@code null} when the broker name has no master */
    public String masterAddress() {
        return brokerAddrs == null ? null : brokerAddrs.get(0L);
    }

    /** @return the master's address, else any member's, else {@code null} */
    public String anyAddress() {
        String master = masterAddress();
        if (master != null || brokerAddrs == null || brokerAddrs.isEmpty()) {
            return master;
        }
        return brokerAddrs.values().iterator().next();
    }

    public BrokerData copy() {
        return new BrokerData(cluster, brokerName, new HashMap<>(brokerAddrs == null ? Map.of() : brokerAddrs));
    }
}
