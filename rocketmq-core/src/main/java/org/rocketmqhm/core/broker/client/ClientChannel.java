package org.rocketmqhm.core.broker.client;

import io.netty.channel.Channel;
import org.rocketmqhm.core.protocol.body.Connection;
import org.rocketmqhm.core.remoting.LanguageCode;
import org.rocketmqhm.core.remoting.RemotingAddresses;

/**
 * A client connection as seen through its heartbeats. {@code lastUpdateTimestamp} is refreshed on every
 * heartbeat; the rest is fixed. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ClientChannel {

    private final Channel channel;
    private final String clientId;
    private final LanguageCode language;
    private final int version;
    private volatile long lastUpdateTimestamp = System.currentTimeMillis();

    public ClientChannel(Channel channel, String clientId, LanguageCode language, int version) {
        this.channel = channel;
        this.clientId = clientId;
        this.language = language;
        this.version = version;
    }

    public Channel channel() {
        return channel;
    }

    public String clientId() {
        return clientId;
    }

    public long lastUpdateTimestamp() {
        return lastUpdateTimestamp;
    }

    public void touch() {
        lastUpdateTimestamp = System.currentTimeMillis();
    }

    public Connection toConnection() {
        return new Connection(clientId, RemotingAddresses.toAddress(channel.remoteAddress()), language, version);
    }
}
