package org.rocketmqhm.brokerapp.ops;

import org.rocketmqhm.core.broker.Broker;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Health component {@code nameServerRegistration}: the last accepted registration per configured name server.
 * UP when at least one name server accepted a registration within three registration periods (clients can find
 * the broker), DOWN otherwise; details name every name server with its last success or {@code never}.
 * Thread-safe.
 *
 * @since 0.2.0
 */
public final class NameServerRegistrationHealthIndicator extends AbstractHealthIndicator {

    private final Broker broker;

    public NameServerRegistrationHealthIndicator(Broker broker) {
        super("name server registration health check failed");
        this.broker = broker;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        List<String> nameServers = broker.config().namesrvAddressList();
        Map<String, Long> last = broker.lastRegistrations();
        long freshness = 3L * Math.max(1000, broker.config().getRegisterNameServerPeriod());
        long now = System.currentTimeMillis();
        Map<String, Object> details = new LinkedHashMap<>();
        int fresh = 0;
        for (String nameServer : nameServers) {
            Long at = last.get(nameServer);
            if (at == null) {
                details.put(nameServer, "never");
            } else {
                details.put(nameServer, Instant.ofEpochMilli(at).toString());
                if (now - at <= freshness) {
                    fresh++;
                }
            }
        }
        builder.status(fresh > 0 && broker.isRunning() ? "UP" : "DOWN")
            .withDetail("lastRegistration", details)
            .withDetail("registeredWith", fresh + "/" + nameServers.size());
    }
}
