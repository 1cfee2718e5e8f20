package org.rocketmqhm.core.filter;

/** SQL three-valued logic: a predicate over a missing property is {@link #UNKNOWN}, which never matches. */
enum Tri {
    TRUE, FALSE, UNKNOWN;

    static Tri of(boolean b) {
        return b ? TRUE : FALSE;
    }

    Tri not() {
        return this == TRUE ? FALSE : this == FALSE ? TRUE : UNKNOWN;
    }
}
