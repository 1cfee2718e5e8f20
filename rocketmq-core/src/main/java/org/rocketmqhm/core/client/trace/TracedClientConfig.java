package org.rocketmqhm.core.client.trace;

import org.rocketmqhm.core.client.ClientConfig;

/**
 * Client settings plus Apache's message-trace switch, shared by the producer and both consumers: with
 * {@code enableMsgTrace}, the client records trace data (Pub for producers, SubBefore/SubAfter for consumers) and a
 * {@link TraceDispatcher} ships it asynchronously to {@code customizedTraceTopic} (default
 * {@code RMQ_SYS_TRACE_TOPIC}). Set both before {@code start()}. Thread-safety: settings are written before start;
 * the dispatcher reference is volatile.
 *
 * @since 0.2.0
 */
public abstract class TracedClientConfig extends ClientConfig {

    private boolean enableMsgTrace;
    private String customizedTraceTopic;
    private volatile TraceDispatcher traceDispatcher;

    public boolean isEnableMsgTrace() {
        return enableMsgTrace;
    }

    /** @param enable whether this client records and ships trace data (Apache's format); set before start */
    public void setEnableMsgTrace(boolean enable) {
        this.enableMsgTrace = enable;
    }

    public String getCustomizedTraceTopic() {
        return customizedTraceTopic;
    }

    /** @param topic trace topic (default {@code RMQ_SYS_TRACE_TOPIC}) */
    public void setCustomizedTraceTopic(String topic) {
        this.customizedTraceTopic = topic;
    }

    /** @return the running trace dispatcher (counters), or null when tracing is off or the client stopped */
    public TraceDispatcher traceDispatcher() {
        return traceDispatcher;
    }

    /**
     * Starts the dispatcher when tracing is on.
     *
     * @param group the producer or consumer group the records name
     * @return the dispatcher, or null when tracing is off
     */
    protected TraceDispatcher startTracing(String group) {
        if (enableMsgTrace) {
            traceDispatcher = new TraceDispatcher(group, customizedTraceTopic, this, TraceDispatcher.DEFAULT_CAPACITY);
        }
        return traceDispatcher;
    }

    /** @param awaitMillis how long queued records may still be shipped; stops and forgets the dispatcher */
    protected void stopTracing(long awaitMillis) {
        TraceDispatcher dispatcher = traceDispatcher;
        if (dispatcher != null) {
            dispatcher.shutdown(awaitMillis);
            traceDispatcher = null;
        }
    }
}
