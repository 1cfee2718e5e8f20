package org.rocketmqhm.core.remoting;

import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Conversions between {@code host:port} strings and socket addresses.
 *
 * @since 0.1.0
 */
public final class RemotingAddresses {

    private RemotingAddresses() {
    }

    /** @return {@code ip:port} of a socket address, or {@code ""} when unknown */
    public static String toAddress(SocketAddress address) {
        if (address instanceof InetSocketAddress inet) {
            String host = inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
            return host + ":" + inet.getPort();
        }
        return address == null ? "" : address.toString();
    }

    /** Parses {@code host:port} (IPv6 hosts may be bracketed or not; the port follows the last colon). */
    public static InetSocketAddress parse(String address) {
        String trimmed = address.trim();
        int colon = trimmed.lastIndexOf(':');
        if (colon <= 0 || colon == trimmed.length() - 1) {
            throw new IllegalArgumentException("address must be host:port: " + address);
        }
        String host = trimmed.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = Integer.parseInt(trimmed.substring(colon + 1));
        return new InetSocketAddress(host, port);
    }
}
