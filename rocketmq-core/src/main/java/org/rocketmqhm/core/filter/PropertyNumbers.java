package org.rocketmqhm.core.filter;

/**
 * Compares a property value (a string) with a numeric literal without allocating in the common integer case and
 * without exceptions: values are scanned by hand first; only well-formed decimals reach
 * {@link Double#parseDouble(String)}.
 */
final class PropertyNumbers {

    /** Result of {@link #compare} when the property value is not a number. */
    static final int NOT_A_NUMBER = Integer.MIN_VALUE;

    private PropertyNumbers() {
    }

    /**
     * @param value the property value (not null)
     * @param literal the literal to compare with
     * @return negative, zero or positive like {@link Comparable}, or {@link #NOT_A_NUMBER}
     */
    static int compare(String value, NumericLiteral literal) {
        int len = value.length();
        if (len == 0) {
            return NOT_A_NUMBER;
        }
        int i = 0;
        boolean negative = false;
        char first = value.charAt(0);
        if (first == '-' || first == '+') {
            negative = first == '-';
            i = 1;
        }
        if (i == len) {
            return NOT_A_NUMBER;
        }
        // accumulate negatively to cover Long.MIN_VALUE
        long acc = 0;
        boolean integral = true;
        for (int j = i; j < len; j++) {
            char c = value.charAt(j);
            if (c < '0' || c > '9') {
                integral = false;
                break;
            }
            int digit = c - '0';
            if (acc < (Long.MIN_VALUE + digit) / 10) {
                integral = false; // overflow: treat as a decimal
                break;
            }
            acc = acc * 10 - digit;
        }
        if (integral) {
            if (!negative && acc == Long.MIN_VALUE) {
                return compareDouble(-(double) acc, literal);
            }
            long v = negative ? acc : -acc;
            return literal.integral() ? Long.compare(v, literal.longValue()) : compareDouble(v, literal);
        }
        if (!isDecimal(value, i)) {
            return NOT_A_NUMBER;
        }
        return compareDouble(Double.parseDouble(value), literal);
    }

    private static int compareDouble(double v, NumericLiteral literal) {
        double l = literal.doubleValue();
        return v < l ? -1 : v > l ? 1 : 0;
    }

    /** digits [. digits] [e [sign] digits], at least one mantissa digit. */
    private static boolean isDecimal(String s, int from) {
        int len = s.length();
        int i = from;
        int mantissaDigits = 0;
        while (i < len && isDigit(s.charAt(i))) {
            i++;
            mantissaDigits++;
        }
        if (i < len && s.charAt(i) == '.') {
            i++;
            while (i < len && isDigit(s.charAt(i))) {
                i++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < len && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < len && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < len && isDigit(s.charAt(i))) {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return false;
            }
        }
        return i == len;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
