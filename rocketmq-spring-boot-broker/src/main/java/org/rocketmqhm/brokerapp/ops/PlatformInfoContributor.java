package org.rocketmqhm.brokerapp.ops;

import org.rocketmqhm.brokerapp.BrokerConfiguration.BrokerLifecycle;
import org.rocketmqhm.brokerapp.NameServerConfiguration.NameServerLifecycle;
import org.rocketmqhm.core.broker.Broker;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.info.Info;
import org.springframework.boot.actuate.info.InfoContributor;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code /actuator/info} section {@code rocketmq}: version, which roles run in this process and their addresses.
 *
 * @since 0.2.0
 */
public final class PlatformInfoContributor implements InfoContributor {

    private final ObjectProvider<NameServerLifecycle> nameServer;
    private final ObjectProvider<BrokerLifecycle> broker;

    public PlatformInfoContributor(ObjectProvider<NameServerLifecycle> nameServer,
                                   ObjectProvider<BrokerLifecycle> broker) {
        this.nameServer = nameServer;
        this.broker = broker;
    }

    @Override
    public void contribute(Info.Builder builder) {
        Map<String, Object> info = new LinkedHashMap<>();
        String version = PlatformInfoContributor.class.getPackage().getImplementationVersion();
        info.put("version", version == null ? "development" : version);
        info.put("protocol", "Apache RocketMQ 4.9.x remoting");
        NameServerLifecycle ns = nameServer.getIfAvailable();
        if (ns != null) {
            info.put("nameServer", Map.of("listenPort", ns.isRunning() ? ns.nameServer().listenPort() : -1));
        }
        BrokerLifecycle lifecycle = broker.getIfAvailable();
        if (lifecycle != null) {
            Broker b = lifecycle.broker();
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("cluster", b.config().getBrokerClusterName());
            details.put("brokerName", b.config().getBrokerName());
            details.put("brokerId", b.config().getBrokerId());
            details.put("brokerRole", b.config().getBrokerRole().name());
            details.put("address", b.isRunning() ? b.address() : "not listening");
            details.put("nameServers", b.config().getNamesrvAddr());
            details.put("storePathRootDir", b.storeConfig().getStorePathRootDir());
            info.put("broker", details);
        }
        builder.withDetail("rocketmq", info);
    }
}
