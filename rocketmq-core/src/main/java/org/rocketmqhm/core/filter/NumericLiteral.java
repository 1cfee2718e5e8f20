package org.rocketmqhm.core.filter;

/**
 * A numeric literal of the expression: an integer (kept exactly as a long) or a decimal (a double).
 *
 * @param integral whether the literal is an integer
 * @param longValue the value when integral
 * @param doubleValue the value as a double (always set)
 */
record NumericLiteral(boolean integral, long longValue, double doubleValue) {

    static NumericLiteral ofLong(long v) {
        return new NumericLiteral(true, v, v);
    }

    static NumericLiteral ofDouble(double v) {
        return new NumericLiteral(false, 0, v);
    }

    @Override
    public String toString() {
        return integral ? Long.toString(longValue) : Double.toString(doubleValue);
    }
}
