package org.rocketmqhm.core.store;

/**
 * One 20-byte consume-queue unit as read by admin tools (QUERY_CONSUME_QUEUE): where the message is in the commit
 * log, its size and its tags code (or delivery time for the schedule topic). Immutable.
 *
 * @param queueOffset logical offset of the unit
 * @param physicOffset commit-log offset
 * @param physicSize record size
 * @param tagsCode tags hash code
 * @since 0.3.0
 */
public record ConsumeQueueUnit(long queueOffset, long physicOffset, int physicSize, long tagsCode) {
}
