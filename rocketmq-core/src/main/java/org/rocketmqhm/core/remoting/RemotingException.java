package org.rocketmqhm.core.remoting;

/**
 * A failure to exchange a command with a peer: connect, send or timeout.
 *
 * @since 0.1.0
 */
public class RemotingException extends Exception {

    /** What went wrong. */
    public enum Kind { CONNECT, SEND, TIMEOUT, CLOSED }

    private final Kind kind;

    public RemotingException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public RemotingException(Kind kind, String message) {
        this(kind, message, null);
    }

    public Kind kind() {
        return kind;
    }
}
