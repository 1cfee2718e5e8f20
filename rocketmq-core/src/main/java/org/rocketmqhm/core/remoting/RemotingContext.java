package org.rocketmqhm.core.remoting;

import io.netty.channel.Channel;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * A request in flight on a connection: who sent it and how to answer it. Thread-safe.
 *
 * @since 0.1.0
 */
public final class RemotingContext {

    private final Channel channel;
    private final RemotingCommand request;

    public RemotingContext(Channel channel, RemotingCommand request) {
        this.channel = channel;
        this.request = request;
    }

    public Channel channel() {
        return channel;
    }

    public RemotingCommand request() {
        return request;
    }

    /** @return the peer as {@code ip:port} */
    public String remoteAddress() {
        return RemotingAddresses.toAddress(channel.remoteAddress());
    }

    public SocketAddress remoteSocketAddress() {
        return channel.remoteAddress();
    }

    public InetSocketAddress localSocketAddress() {
        return (InetSocketAddress) channel.localAddress();
    }

    /**
     * Writes the response to this request: same opaque, the response flag, the request's serialization. Nothing is
     * written for a oneway request.
     */
    public void writeResponse(RemotingCommand response) {
        if (request.isOneway()) {
            if (response.getBodyBuf() != null) {
                response.getBodyBuf().release();
            }
            return;
        }
        response.setOpaque(request.getOpaque());
        response.setSerializeType(request.getSerializeType());
        response.markResponse();
        channel.writeAndFlush(response);
    }
}
