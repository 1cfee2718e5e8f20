package org.rocketmqhm.core.filter;

/**
 * A filter expression that cannot be compiled. The message says what is wrong and where, e.g.
 * {@code unexpected token 'AND' at position 12}; positions are zero-based character offsets into the expression text.
 * The broker answers such subscriptions with {@code SUBSCRIPTION_PARSE_FAILED (23)}.
 *
 * @since 0.1.0
 */
public class FilterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int position;

    /**
     * @param message what is wrong (without the position)
     * @param position zero-based offset of the offending character, or -1 when not tied to one place
     */
    public FilterException(String message, int position) {
        this(message, position, null);
    }

    /**
     * @param message what is wrong (without the position)
     * @param position zero-based offset of the offending character, or -1 when not tied to one place
     * @param hint what was expected instead, appended after the position (may be null)
     */
    public FilterException(String message, int position, String hint) {
        super((position >= 0 ? message + " at position " + position : message) + (hint == null ? "" : ": " + hint));
        this.position = position;
    }

    /** @return zero-based offset of the problem in the expression text, or -1 */
    public int position() {
        return position;
    }
}
