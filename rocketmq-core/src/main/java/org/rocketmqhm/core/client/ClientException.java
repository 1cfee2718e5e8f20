package org.rocketmqhm.core.client;

/**
 * A client operation failed: a broker or name server answered with an error code, or the network failed
 * ({@link #responseCode()} is then {@code -1}).
 *
 * @since 0.1.0
 */
public class ClientException extends RuntimeException {

    private final int responseCode;

    public ClientException(int responseCode, String message) {
        super(message);
        this.responseCode = responseCode;
    }

    public ClientException(String message, Throwable cause) {
        super(message, cause);
        this.responseCode = -1;
    }

    /** @return the remote response code, or -1 for local and network failures */
    public int responseCode() {
        return responseCode;
    }
}
