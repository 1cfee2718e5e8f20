package org.rocketmqhm.core.broker.registration;

import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.protocol.PermName;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.body.RegisterBrokerBody;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.body.TopicConfigSerializeWrapper;
import org.rocketmqhm.core.protocol.header.BrokerIdentityHeader;
import org.rocketmqhm.core.protocol.header.RegisterBrokerRequestHeader;
import org.rocketmqhm.core.protocol.header.RegisterBrokerResponseHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Registers the broker and its topics with every configured name server (REGISTER_BROKER, body
 * RegisterBrokerBody with {@code bodyCrc32}), in parallel and without blocking the caller; unregisters at
 * shutdown (UNREGISTER_BROKER). When {@code brokerPermission} lacks READ or WRITE every topic is registered with
 * the broker's permission. Thread-safe.
 *
 * @since 0.1.0
 */
public final class NameServerRegistrar {

    private static final Logger log = LoggerFactory.getLogger(NameServerRegistrar.class);

    private final BrokerConfig config;
    private final TopicConfigManager topics;
    private final NettyRemotingClient client;
    private final String brokerAddr;
    private final String haServerAddr;
    private final Map<String, Long> lastSuccess = new ConcurrentHashMap<>();
    private volatile Consumer<RegisterBrokerResponseHeader> responseListener = h -> { };

    public NameServerRegistrar(BrokerConfig config, TopicConfigManager topics, NettyRemotingClient client,
                               String brokerAddr, String haServerAddr) {
        this.config = config;
        this.topics = topics;
        this.client = client;
        this.brokerAddr = brokerAddr;
        this.haServerAddr = haServerAddr;
    }

    /** Sends a full registration to every name server; completes when all answered (or failed). */
    public CompletableFuture<Void> registerAll() {
        byte[] body = RemotingJson.encode(new RegisterBrokerBody(topicsToRegister(), List.of()));
        CRC32 crc = new CRC32();
        crc.update(body);
        int bodyCrc = (int) (crc.getValue() & 0x7FFFFFFF);
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (String namesrv : config.namesrvAddressList()) {
            RemotingCommand request = RemotingCommand.request(RequestCode.REGISTER_BROKER,
                new RegisterBrokerRequestHeader(config.getBrokerName(), brokerAddr, config.getBrokerClusterName(),
                    haServerAddr, config.getBrokerId(), false, bodyCrc));
            request.setBody(body);
            calls.add(client.invokeAsync(namesrv, request, config.getRegisterBrokerTimeoutMills())
                .handle((response, error) -> {
                    if (error != null) {
                        log.warn("register broker to name server {} failed: {}", namesrv, error.toString());
                    } else if (response.getCode() != 0) {
                        log.warn("name server {} refused registration: {} {}", namesrv, response.getCode(),
                            response.getRemark());
                    } else {
                        lastSuccess.put(namesrv, System.currentTimeMillis());
                        notifyResponse(namesrv, response);
                    }
                    return null;
                }));
        }
        return CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new));
    }

    /**
     * @param listener receives every accepted registration's response header (a slave learns its master's
     *     {@code haServerAddr} and {@code masterAddr} there); called on a Netty thread, must not block
     * @since 0.3.0
     */
    public void setResponseListener(Consumer<RegisterBrokerResponseHeader> listener) {
        this.responseListener = listener;
    }

    private void notifyResponse(String namesrv, RemotingCommand response) {
        try {
            responseListener.accept(response.decodeHeader(RegisterBrokerResponseHeader.class));
        } catch (Exception e) {
            log.warn("cannot read the registration response of name server {}: {}", namesrv, e.toString());
        }
    }

    /**
     * @return name server address to the wall-clock time (ms) of its last accepted registration; name servers
     *     never registered with are absent (read-only view)
     * @since 0.2.0
     */
    public Map<String, Long> lastSuccessfulRegistrations() {
        return Map.copyOf(lastSuccess);
    }

    /** Sends UNREGISTER_BROKER to every name server and waits a bounded time. */
    public void unregisterAll() {
        List<CompletableFuture<?>> calls = new ArrayList<>();
        for (String namesrv : config.namesrvAddressList()) {
            RemotingCommand request = RemotingCommand.request(RequestCode.UNREGISTER_BROKER,
                new BrokerIdentityHeader(config.getBrokerName(), brokerAddr, config.getBrokerClusterName(),
                    config.getBrokerId()));
            calls.add(client.invokeAsync(namesrv, request, 3000).exceptionally(e -> null));
        }
        try {
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(3500, TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            log.warn("unregister broker from name servers did not complete: {}", e.toString());
        }
    }

    private TopicConfigSerializeWrapper topicsToRegister() {
        TopicConfigSerializeWrapper snapshot = topics.snapshot();
        int brokerPerm = config.getBrokerPermission();
        if (PermName.isReadable(brokerPerm) && PermName.isWriteable(brokerPerm)) {
            return snapshot;
        }
        for (TopicConfig topic : snapshot.topicConfigTable().values()) {
            topic.setPerm(brokerPerm);
        }
        return snapshot;
    }
}
