package org.rocketmqhm.core.client.trace;

import org.rocketmqhm.core.client.consumer.ConsumeConcurrentlyStatus;
import org.rocketmqhm.core.client.consumer.ConsumeOrderlyStatus;
import org.rocketmqhm.core.client.consumer.MessageListenerConcurrently;
import org.rocketmqhm.core.client.consumer.MessageListenerOrderly;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.common.message.MessageIds;

import java.util.List;

/**
 * Wraps a push consumer's listener so that every call records a SubBefore per message before and a SubAfter per
 * message after (one request id per call, cost = call time / batch size, success and Apache's context code),
 * handed to a {@link TraceDispatcher}. Messages whose {@code TRACE_ON} property is {@code false} are not traced.
 * Thread-safe.
 *
 * @since 0.1.0
 */
public final class ConsumeTracer {

    private final TraceDispatcher dispatcher;
    private final String group;

    /**
     * @param dispatcher where records go
     * @param group the consumer group written into the records
     */
    public ConsumeTracer(TraceDispatcher dispatcher, String group) {
        this.dispatcher = dispatcher;
        this.group = group;
    }

    /** @return the listener, tracing */
    public MessageListenerConcurrently wrap(MessageListenerConcurrently listener) {
        return (messages, queue) -> {
            String requestId = before(messages);
            long start = System.currentTimeMillis();
            ConsumeConcurrentlyStatus status = null;
            boolean threw = true;
            try {
                status = listener.consume(messages, queue);
                threw = false;
                return status;
            } finally {
                after(messages, requestId, start, !threw, status == ConsumeConcurrentlyStatus.CONSUME_SUCCESS,
                    status != null && status != ConsumeConcurrentlyStatus.CONSUME_SUCCESS);
            }
        };
    }

    /** @return the listener, tracing */
    public MessageListenerOrderly wrap(MessageListenerOrderly listener) {
        return (messages, queue) -> {
            String requestId = before(messages);
            long start = System.currentTimeMillis();
            ConsumeOrderlyStatus status = null;
            boolean threw = true;
            try {
                status = listener.consume(messages, queue);
                threw = false;
                return status;
            } finally {
                after(messages, requestId, start, !threw, status == ConsumeOrderlyStatus.SUCCESS,
                    status != null && status != ConsumeOrderlyStatus.SUCCESS);
            }
        };
    }

    /**
     * Traces messages a pull consumer just received, as Apache's 4.9.x lite pull consumer does: a SubBefore and a
     * successful SubAfter (context code 0, cost 0) per message, sharing one request id.
     */
    public static void tracePulled(TraceDispatcher dispatcher, String group, List<MessageExt> messages) {
        ConsumeTracer tracer = new ConsumeTracer(dispatcher, group);
        String requestId = tracer.before(messages);
        tracer.after(messages, requestId, System.currentTimeMillis(), true, true, false);
    }

    private static boolean traced(MessageExt m) {
        return !"false".equals(m.getProperty(MessageConst.PROPERTY_TRACE_SWITCH));
    }

    private String before(List<MessageExt> messages) {
        String requestId = MessageIds.createUniqId();
        long now = System.currentTimeMillis();
        for (MessageExt m : messages) {
            if (traced(m)) {
                String region = m.getProperty(MessageConst.PROPERTY_MSG_REGION);
                dispatcher.append(TraceEncoder.subBefore(now, region == null ? TraceEncoder.DEFAULT_REGION : region,
                    group, requestId, m.getMsgId(), m.getReconsumeTimes(), m.getKeys()), m.getMsgId(), m.getKeys());
            }
        }
        return requestId;
    }

    /**
     * @param returned whether the listener returned (false: it threw)
     * @param success whether it returned success
     * @param failed whether it returned a non-success status
     */
    private void after(List<MessageExt> messages, String requestId, long start, boolean returned, boolean success,
                       boolean failed) {
        long now = System.currentTimeMillis();
        int cost = (int) ((now - start) / Math.max(1, messages.size()));
        int code = success ? TraceEncoder.CONTEXT_SUCCESS : failed ? TraceEncoder.CONTEXT_FAILED
            : returned ? TraceEncoder.CONTEXT_RETURN_NULL : TraceEncoder.CONTEXT_EXCEPTION;
        for (MessageExt m : messages) {
            if (traced(m)) {
                dispatcher.append(TraceEncoder.subAfter(requestId, m.getMsgId(), cost, success, m.getKeys(), code, now,
                    group),
                    m.getMsgId(), m.getKeys());
            }
        }
    }
}
