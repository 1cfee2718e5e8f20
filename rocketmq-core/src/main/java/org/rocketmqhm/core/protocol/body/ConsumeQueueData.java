package org.rocketmqhm.core.protocol.body;

/**
 * One consume-queue unit in QueryConsumeQueueResponseBody: commit-log offset, size and tags code. The extension
 * fields ({@code extendDataJson}, {@code bitMap}, {@code eval}, {@code msg}) describe consume-queue extension
 * units, which this broker does not write, so they stay empty/false.
 *
 * @since 0.3.0
 */
public record ConsumeQueueData(long physicOffset, int physicSize, long tagsCode, String extendDataJson,
                               String bitMap, boolean eval, String msg) {
}
