package org.rocketmqhm.core.remoting;

import io.netty.channel.Channel;

/**
 * Told about connections opening and going away (closed, idle for too long, or failed).
 * Called on Netty I/O threads: implementations must not block.
 *
 * @since 0.1.0
 */
public interface ChannelEventListener {

    default void onChannelConnect(String remoteAddress, Channel channel) {
    }

    /** The connection is gone: closed by either side, idle past the limit, or broken. Called once. */
    default void onChannelClose(String remoteAddress, Channel channel) {
    }
}
