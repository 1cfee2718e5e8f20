package org.rocketmqhm.core.broker.client;

import io.netty.channel.Channel;
import org.rocketmqhm.core.remoting.RemotingCommand;

import java.util.concurrent.CompletableFuture;

/**
 * Calls a client back over its own connection (the broker's remoting server provides it).
 *
 * @since 0.1.0
 */
public interface ClientInvoker {

    /** Sends a request to the client and completes with its response. */
    CompletableFuture<RemotingCommand> invoke(Channel channel, RemotingCommand request, long timeoutMillis);

    /** Sends a request that expects no response. */
    void invokeOneway(Channel channel, RemotingCommand request);
}
