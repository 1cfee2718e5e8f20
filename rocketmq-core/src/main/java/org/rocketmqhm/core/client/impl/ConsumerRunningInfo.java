package org.rocketmqhm.core.client.impl;

import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.rocketmqhm.core.protocol.body.SubscriptionData;

import java.util.Collection;
import java.util.Map;

/**
 * The body a consumer answers GET_CONSUMER_RUNNING_INFO (307) with, in the JSON shape Apache 4.9.x tools read
 * ({@code mqadmin consumerStatus}, {@code DefaultMQAdminExt.getConsumerRunningInfo}, the dashboard):
 * <pre>
 * properties      string map: the consumer's settings plus PROP_CONSUME_TYPE, PROP_CONSUMEORDERLY,
 *                 PROP_THREADPOOL_CORE_SIZE, PROP_CONSUMER_START_TIMESTAMP, PROP_NAMESERVER_ADDR, PROP_CLIENT_VERSION
 * subscriptionSet SubscriptionData array
 * mqTable         MessageQueue (as JSON string key) -> {@link ProcessQueueInfo}
 * statusTable     topic -> {@link ConsumeStatus}
 * jstack          thread dump, only when the request asked for it
 * </pre>
 * Immutable value.
 *
 * @since 0.1.0
 */
public record ConsumerRunningInfo(Map<String, String> properties, Collection<SubscriptionData> subscriptionSet,
                                  Map<MessageQueue, ProcessQueueInfo> mqTable, Map<String, ConsumeStatus> statusTable,
                                  String jstack) {

    public static final String PROP_NAMESERVER_ADDR = "PROP_NAMESERVER_ADDR";
    public static final String PROP_THREADPOOL_CORE_SIZE = "PROP_THREADPOOL_CORE_SIZE";
    public static final String PROP_CONSUME_ORDERLY = "PROP_CONSUMEORDERLY";
    public static final String PROP_CONSUME_TYPE = "PROP_CONSUME_TYPE";
    public static final String PROP_CLIENT_VERSION = "PROP_CLIENT_VERSION";
    public static final String PROP_CONSUMER_START_TIMESTAMP = "PROP_CONSUMER_START_TIMESTAMP";
    /** The version string Apache 4.9.7 clients report. */
    public static final String CLIENT_VERSION = "V4_9_7";

    /** @return a copy with the thread dump set */
    public ConsumerRunningInfo withJstack(String dump) {
        return new ConsumerRunningInfo(properties, subscriptionSet, mqTable, statusTable, dump);
    }

    /**
     * State of one owned queue. {@code cachedMsg*} describe buffered messages not yet handed to the listener (for
     * orderly consumption) or not yet finished (concurrent); {@code transactionMsg*} the messages an orderly
     * listener is working on. Sizes in MiB are truncated; timestamps are epoch millis (0 = never). {@code droped}
     * is spelled as on the wire.
     */
    public record ProcessQueueInfo(long commitOffset, long cachedMsgMinOffset, long cachedMsgMaxOffset,
                                   int cachedMsgCount, int cachedMsgSizeInMiB, long transactionMsgMinOffset,
                                   long transactionMsgMaxOffset, int transactionMsgCount, boolean locked,
                                   long tryUnlockTimes, long lastLockTimestamp, boolean droped,
                                   long lastPullTimestamp, long lastConsumeTimestamp) {
    }

    /** Per-topic rates (per second, RT in millis) and failures in the last minute. */
    public record ConsumeStatus(double pullRT, double pullTPS, double consumeRT, double consumeOKTPS,
                                double consumeFailedTPS, long consumeFailedMsgs) {
    }
}
