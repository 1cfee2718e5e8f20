package org.rocketmqhm.core.filter;

import java.util.Map;

/**
 * A node of a compiled SQL92 expression. Implementations are immutable records, safe to share between threads,
 * and must not allocate while testing.
 */
interface Condition {

    /** @param properties the message properties @return the three-valued result */
    Tri test(Map<String, String> properties);
}
