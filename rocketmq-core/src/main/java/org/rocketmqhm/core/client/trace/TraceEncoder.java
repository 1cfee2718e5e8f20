package org.rocketmqhm.core.client.trace;

/**
 * Apache's message-trace text format (what {@code TraceDataEncoder} of the 4.9.x client writes and reads, so that
 * the dashboard and {@code mqadmin queryMsgTraceById} understand our records). One record is its fields joined by
 * {@link #CONTENT_SPLITOR} (char 1) and ended by {@link #FIELD_SPLITOR} (char 2); a trace message body is records
 * back to back. Null values are written as {@code "null"}, as Apache's encoder does. Field order:
 * <pre>
 * Pub       : Pub, timestamp, regionId, group, topic, msgId, tags, keys, storeHost, bodyLength, costMillis,
 *             msgType (0 normal, 1 transaction half, 2 transaction commit, 3 delay), offsetMsgId, success
 * SubBefore : SubBefore, timestamp, regionId, group, requestId, msgId, retryTimes, keys
 * SubAfter  : SubAfter, requestId, msgId, costMillis, success, keys, contextCode, timestamp, group
 *             (contextCode: 0 success, 1 timeout, 2 exception, 3 returned null, 4 failed)
 * EndTransaction : EndTransaction, timestamp, regionId, group, topic, msgId, tags, keys, storeHost,
 *             msgType (always 2, transaction commit), transactionId, transactionState (COMMIT_MESSAGE,
 *             ROLLBACK_MESSAGE, UNKNOW), fromTransactionCheck
 * </pre>
 * Stateless; thread-safe.
 *
 * @since 0.1.0
 */
public final class TraceEncoder {

    /** Separates the fields of a record. */
    public static final char CONTENT_SPLITOR = (char) 1;
    /** Ends a record. */
    public static final char FIELD_SPLITOR = (char) 2;
    /** Default trace topic. */
    public static final String DEFAULT_TRACE_TOPIC = "RMQ_SYS_TRACE_TOPIC";
    /** Region written when the message carries none. */
    public static final String DEFAULT_REGION = "DefaultRegion";
    /** Group prefix of the inner producer that ships traces. */
    public static final String TRACE_PRODUCER_GROUP_PREFIX = "_INNER_TRACE_PRODUCER";

    /** Apache's {@code MessageType} ordinals. */
    public static final int MSG_TYPE_NORMAL = 0;
    public static final int MSG_TYPE_TRANSACTION_HALF = 1;
    public static final int MSG_TYPE_TRANSACTION_COMMIT = 2;
    public static final int MSG_TYPE_DELAY = 3;

    /** Apache's {@code ConsumeReturnType} ordinals. */
    public static final int CONTEXT_SUCCESS = 0;
    public static final int CONTEXT_EXCEPTION = 2;
    public static final int CONTEXT_RETURN_NULL = 3;
    public static final int CONTEXT_FAILED = 4;

    private TraceEncoder() {
    }

    /** @return one Pub record */
    public static String pub(long timestamp, String region, String group, String topic, String msgId, String tags,
                             String keys, String storeHost, int bodyLength, int costMillis, int msgType,
                             String offsetMsgId, boolean success) {
        return record("Pub", timestamp, region, group, topic, msgId, tags, keys, storeHost, bodyLength, costMillis,
            msgType, offsetMsgId, success);
    }

    /** @return one SubBefore record */
    public static String subBefore(long timestamp, String region, String group, String requestId, String msgId,
                                   int retryTimes, String keys) {
        return record("SubBefore", timestamp, region, group, requestId, msgId, retryTimes, keys);
    }

    /** @return one SubAfter record */
    public static String subAfter(String requestId, String msgId, int costMillis, boolean success, String keys,
                                  int contextCode, long timestamp, String group) {
        return record("SubAfter", requestId, msgId, costMillis, success, keys, contextCode, timestamp, group);
    }

    /** @return one EndTransaction record */
    public static String endTransaction(long timestamp, String region, String group, String topic, String msgId,
                                        String tags, String keys, String storeHost, String transactionId,
                                        String transactionState, boolean fromTransactionCheck) {
        return record("EndTransaction", timestamp, region, group, topic, msgId, tags, keys, storeHost,
            MSG_TYPE_TRANSACTION_COMMIT, transactionId, transactionState, fromTransactionCheck);
    }

    /** The fields joined by CONTENT_SPLITOR, closed by FIELD_SPLITOR (a null field reads "null", as Apache's). */
    private static String record(Object... fields) {
        StringBuilder sb = new StringBuilder(192);
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                sb.append(CONTENT_SPLITOR);
            }
            sb.append(fields[i]);
        }
        return sb.append(FIELD_SPLITOR).toString();
    }
}
