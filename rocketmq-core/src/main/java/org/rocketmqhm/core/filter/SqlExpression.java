package org.rocketmqhm.core.filter;

import java.util.Map;
import java.util.Objects;

/**
 * A compiled SQL92 filter expression (protocol reference §5.10), evaluated against a message's properties.
 * Immutable and thread-safe; evaluation does not allocate (apart from parsing decimal property values).
 *
 * <p>Semantics in short: a predicate over a missing property is UNKNOWN and never matches (also under
 * {@code NOT}); ordering operators and BETWEEN compare numerically; {@code =}/{@code <>}/{@code IN} with string
 * literals compare strings exactly. See {@code docs/filters.md}.
 *
 * @since 0.1.0
 */
public final class SqlExpression {

    private static final SqlExpressionCache CACHE = new SqlExpressionCache(SqlExpressionCache.DEFAULT_MAX_SIZE);

    private final String text;
    private final Condition root;

    SqlExpression(String text, Condition root) {
        this.text = text;
        this.root = root;
    }

    /**
     * Compiles an expression, reusing a previously compiled one with the same text (bounded shared cache).
     *
     * @param expression the expression text
     * @return the compiled expression
     * @throws FilterException when the expression is null, empty or invalid
     */
    public static SqlExpression compile(String expression) {
        if (expression == null) {
            throw new FilterException("empty expression", -1);
        }
        return CACHE.get(expression);
    }

    /**
     * Compiles without touching the cache.
     *
     * @param expression the expression text (not null)
     * @return the compiled expression
     * @throws FilterException when the expression is empty or invalid
     */
    static SqlExpression compileUncached(String expression) {
        return new SqlExpression(expression, SqlParser.parse(expression));
    }

    /**
     * @param properties the message properties (user and system ones such as {@code TAGS})
     * @return whether the expression is TRUE for them (FALSE and UNKNOWN do not match)
     */
    public boolean evaluate(Map<String, String> properties) {
        return root.test(properties == null ? Map.of() : properties) == Tri.TRUE;
    }

    /** @return the expression text as given */
    public String text() {
        return text;
    }

    /** @return the parsed tree, for diagnostics */
    String tree() {
        return root.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlExpression other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return Objects.hash(text);
    }

    @Override
    public String toString() {
        return text;
    }
}
