package org.rocketmqhm.core.remoting;

/**
 * Sees every request an endpoint sends, just before it is written (requests, oneway requests, server-to-client
 * calls); used to sign requests (ACL). Must be fast and thread-safe: it runs on the caller's thread.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface RpcHook {

    /**
     * @param remoteAddress {@code host:port} of the peer
     * @param request the request about to be written; the hook may add ext fields
     */
    void beforeRequest(String remoteAddress, RemotingCommand request);
}
