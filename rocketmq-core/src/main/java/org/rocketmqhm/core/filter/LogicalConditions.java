package org.rocketmqhm.core.filter;

import java.util.Map;

/** AND / OR / NOT / constant nodes, with Kleene three-valued logic and short-circuiting. */
final class LogicalConditions {

    private LogicalConditions() {
    }

    record And(Condition left, Condition right) implements Condition {
        @Override
        public Tri test(Map<String, String> properties) {
            Tri l = left.test(properties);
            if (l == Tri.FALSE) {
                return Tri.FALSE;
            }
            Tri r = right.test(properties);
            if (r == Tri.FALSE) {
                return Tri.FALSE;
            }
            return l == Tri.TRUE && r == Tri.TRUE ? Tri.TRUE : Tri.UNKNOWN;
        }
    }

    record Or(Condition left, Condition right) implements Condition {
        @Override
        public Tri test(Map<String, String> properties) {
            Tri l = left.test(properties);
            if (l == Tri.TRUE) {
                return Tri.TRUE;
            }
            Tri r = right.test(properties);
            if (r == Tri.TRUE) {
                return Tri.TRUE;
            }
            return l == Tri.FALSE && r == Tri.FALSE ? Tri.FALSE : Tri.UNKNOWN;
        }
    }

    record Not(Condition operand) implements Condition {
        @Override
        public Tri test(Map<String, String> properties) {
            return operand.test(properties).not();
        }
    }

    record Constant(Tri value) implements Condition {
        @Override
        public Tri test(Map<String, String> properties) {
            return value;
        }
    }
}
