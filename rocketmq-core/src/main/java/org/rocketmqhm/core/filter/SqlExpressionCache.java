package org.rocketmqhm.core.filter;

import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bounded cache of compiled expressions keyed by their text. Hits are lock-free; when the cache is full an
 * arbitrary entry is dropped (compilation is cheap, so approximate eviction is fine). Invalid expressions are not
 * cached. Thread-safe.
 */
final class SqlExpressionCache {

    static final int DEFAULT_MAX_SIZE = 4096;

    private final int maxSize;
    private final ConcurrentHashMap<String, SqlExpression> byText = new ConcurrentHashMap<>();

    SqlExpressionCache(int maxSize) {
        if (maxSize < 1) {
            throw new IllegalArgumentException("maxSize must be positive");
        }
        this.maxSize = maxSize;
    }

    SqlExpression get(String text) {
        SqlExpression cached = byText.get(text);
        if (cached != null) {
            return cached;
        }
        SqlExpression compiled = SqlExpression.compileUncached(text);
        while (byText.size() >= maxSize) {
            Iterator<String> it = byText.keySet().iterator();
            if (!it.hasNext()) {
                break;
            }
            byText.remove(it.next());
        }
        SqlExpression raced = byText.putIfAbsent(text, compiled);
        return raced != null ? raced : compiled;
    }

    int size() {
        return byText.size();
    }
}
