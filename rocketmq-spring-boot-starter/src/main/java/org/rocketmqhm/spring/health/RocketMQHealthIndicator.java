package org.rocketmqhm.spring.health;

import org.rocketmqhm.spring.core.RocketMQTemplate;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reports whether RocketMQ is usable: each name server is probed with a TCP connect (bounded by a timeout), each
 * template must be running, and each listener container's state is listed. UP when at least one name server
 * answers, every template runs and no container has failed. Thread-safe.
 *
 * @since 0.1.0
 */
public class RocketMQHealthIndicator extends AbstractHealthIndicator {

    private final String nameServers;
    private final Supplier<Map<String, RocketMQTemplate>> templates;
    private final Supplier<Map<String, String>> containers;
    private final Duration timeout;

    /**
     * @param nameServers {@code host:port} list separated by {@code ;}
     * @param templates templates by bean name
     * @param containers container states by name ({@code RUNNING}, {@code STOPPED}, {@code FAILED} ...)
     * @param timeout connect timeout per name server
     */
    public RocketMQHealthIndicator(String nameServers, Supplier<Map<String, RocketMQTemplate>> templates,
                                   Supplier<Map<String, String>> containers, Duration timeout) {
        super("RocketMQ health check failed");
        this.nameServers = nameServers;
        this.templates = templates;
        this.containers = containers;
        this.timeout = timeout;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Map<String, String> servers = new LinkedHashMap<>();
        boolean anyServer = false;
        for (String address : nameServers.split(";")) {
            String trimmed = address.trim();
            if (!trimmed.isEmpty()) {
                boolean up = reachable(trimmed);
                anyServer |= up;
                servers.put(trimmed, up ? "UP" : "DOWN");
            }
        }
        Map<String, Boolean> producerStates = new LinkedHashMap<>();
        boolean allTemplates = true;
        for (Map.Entry<String, RocketMQTemplate> e : templates.get().entrySet()) {
            boolean running = e.getValue().isRunning();
            allTemplates &= running;
            producerStates.put(e.getKey(), running);
        }
        Map<String, String> containerStates = containers.get();
        boolean containersOk = !containerStates.containsValue("FAILED");
        builder.withDetail("nameServers", servers).withDetail("templates", producerStates)
            .withDetail("containers", containerStates);
        if (anyServer && allTemplates && containersOk) {
            builder.up();
        } else {
            builder.down();
        }
    }

    private boolean reachable(String address) {
        int colon = address.lastIndexOf(':');
        if (colon < 0) {
            return false;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address.substring(0, colon),
                Integer.parseInt(address.substring(colon + 1))), (int) timeout.toMillis());
            return true;
        } catch (IOException | NumberFormatException e) {
            return false;
        }
    }
}
