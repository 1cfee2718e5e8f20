package org.rocketmqhm.core.filter;

import java.util.Map;
import java.util.Set;

/**
 * Predicates over one message property. A missing property yields {@link Tri#UNKNOWN} (never matches, and stays
 * unknown under NOT), except for the null checks. A present property that is not a number compared with a numeric
 * literal yields {@link Tri#FALSE}.
 */
final class PropertyConditions {

    private PropertyConditions() {
    }

    /** {@code name op number}: numeric comparison (property parsed as long, else double). */
    record NumericComparison(String name, ComparisonOperator op, NumericLiteral literal) implements Condition {
        @Override
        public Tri test(Map<String, String> properties) {
            String value = properties.get(name);
            if (value == null) {
                return Tri.UNKNOWN;
            }
            int cmp = PropertyNumbers.compare(value, literal);
            return cmp == PropertyNumbers.NOT_A_NUMBER ? Tri.FALSE : Tri.of(op.holds(cmp));
        }
    }

    /** {@code name = 'text'} / {@code name <> 'text'}: exact, case-sensitive string (in)equality. */
    record StringEquality(String name, String literal, boolean negated) implements Condition {
        @Override
        public Tri test(Map<String, String> properties) {
            String value = properties.get(name);
            if (value == null) {
                return Tri.UNKNOWN;
            }
            return Tri.of(value.equals(literal) != negated);
        }
    }

    /** {@code name = TRUE|FALSE} (and {@code <>}): the property compared case-insensitively with "true"/"false". */
    record BooleanEquality(String name, boolean literal, boolean negated) implements Condition {
        @Override
        public Tri test(Map<String, String> properties) {
            String value = properties.get(name);
            if (value == null) {
                return Tri.UNKNOWN;
            }
            boolean equal = value.equalsIgnoreCase(literal ? "true" : "false");
            return Tri.of(equal != negated);
        }
    }

    /** {@code name IS [NOT] NULL} (also {@code name = NULL} / {@code name <> NULL}, as in Apache 4.9). */
    record NullCheck(String name, boolean expectNull) implements Condition {
        @Override
        public Tri test(Map<String, String> properties) {
            return Tri.of((properties.get(name) == null) == expectNull);
        }
    }

    /** {@code name [NOT] IN ('a', 'b', ...)}. */
    record In(String name, Set<String> values, boolean negated) implements Condition {
        In {
            values = Set.copyOf(values);
        }

        @Override
        public Tri test(Map<String, String> properties) {
            String value = properties.get(name);
            if (value == null) {
                return Tri.UNKNOWN;
            }
            return Tri.of(values.contains(value) != negated);
        }
    }

    /** {@code name [NOT] BETWEEN low AND high}, inclusive bounds, numeric. */
    record Between(String name, NumericLiteral low, NumericLiteral high, boolean negated) implements Condition {
        @Override
        public Tri test(Map<String, String> properties) {
            String value = properties.get(name);
            if (value == null) {
                return Tri.UNKNOWN;
            }
            int lowCmp = PropertyNumbers.compare(value, low);
            if (lowCmp == PropertyNumbers.NOT_A_NUMBER) {
                return Tri.FALSE; // like Apache: both halves of (NOT) BETWEEN are false for a non-number
            }
            boolean inside = lowCmp >= 0 && PropertyNumbers.compare(value, high) <= 0;
            return Tri.of(inside != negated);
        }
    }
}
