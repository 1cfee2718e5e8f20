package org.rocketmqhm.brokerapp;

import org.rocketmqhm.brokerapp.BrokerConfiguration.BrokerLifecycle;
import org.rocketmqhm.brokerapp.NameServerConfiguration.NameServerLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

import java.lang.management.ManagementFactory;

/**
 * Prints one line with the addresses when the platform is ready to serve.
 *
 * @since 0.1.0
 */
@Component
class ReadyAnnouncer implements ApplicationListener<ApplicationReadyEvent> {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncer.class);

    private final ObjectProvider<NameServerLifecycle> nameServer;
    private final ObjectProvider<BrokerLifecycle> broker;

    ReadyAnnouncer(ObjectProvider<NameServerLifecycle> nameServer, ObjectProvider<BrokerLifecycle> broker) {
        this.nameServer = nameServer;
        this.broker = broker;
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        StringBuilder line = new StringBuilder("Rocketmq-Hm ready in ")
            .append(ManagementFactory.getRuntimeMXBean().getUptime()).append(" ms:");
        NameServerLifecycle ns = nameServer.getIfAvailable();
        if (ns != null) {
            line.append(" name server on port ").append(ns.nameServer().listenPort());
        }
        BrokerLifecycle b = broker.getIfAvailable();
        if (b != null) {
            line.append(ns != null ? "," : "").append(" broker ").append(b.broker().config().getBrokerName())
                .append(" at ").append(b.broker().address())
                .append(" (cluster ").append(b.broker().config().getBrokerClusterName())
                .append(", name servers ").append(b.broker().config().getNamesrvAddr())
                .append(", store ").append(b.broker().storeConfig().getStorePathRootDir()).append(')');
        }
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            line.append(", http on port ").append(web.getWebServer().getPort());
        }
        log.info(line.toString());
    }
}
