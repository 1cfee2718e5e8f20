package org.rocketmqhm.core.remoting.netty;

import java.util.Locale;

/**
 * How a remoting server treats TLS, as Apache's {@code tls.server.mode}.
 *
 * @since 0.2.0
 */
public enum TlsMode {
    /** Plain connections only; a TLS hello is read as garbage and the connection closed. */
    DISABLED,
    /** Serves both: a connection whose first byte is {@code 0x16} (TLS handshake) gets TLS, others stay plain. */
    PERMISSIVE,
    /** TLS only; plain connections are closed. */
    ENFORCING;

    /** @return the mode named (case-insensitive) {@code disabled}, {@code permissive} or {@code enforcing} */
    public static TlsMode parse(String name) {
        return valueOf(name.trim().toUpperCase(Locale.ROOT));
    }
}
