package org.rocketmqhm.core.protocol.body;

/**
 * Version of a broker's topic configuration: changes whenever a topic changes, so the name server knows when to
 * take the broker's queue data again. Immutable.
 *
 * @since 0.1.0
 */
public record DataVersion(long timestamp, long counter) {

    public static DataVersion initial() {
        return new DataVersion(System.currentTimeMillis(), 0);
    }

    public DataVersion next() {
        return new DataVersion(System.currentTimeMillis(), counter + 1);
    }
}
