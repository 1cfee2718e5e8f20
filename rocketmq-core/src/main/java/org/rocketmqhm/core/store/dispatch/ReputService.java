package org.rocketmqhm.core.store.dispatch;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.rocketmqhm.core.store.ServiceThread;
import org.rocketmqhm.core.store.TagsCodeResolver;
import org.rocketmqhm.core.store.log.CommitLog;
import org.rocketmqhm.core.store.log.RecordCheck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays the commit log from {@code reputFromOffset} into the dispatchers (consume queues, index), in order.
 * Woken by every append; also polls every 10 ms. A record not fully published yet (a slave receives replicated
 * bytes cut anywhere) is left for the next round. {@link #catchUp()} runs the same loop inline (recovery).
 *
 * @since 0.1.0
 */
public final class ReputService extends ServiceThread {

    private static final Logger LOG = LoggerFactory.getLogger(ReputService.class);

    private final CommitLog commitLog;
    private final TagsCodeResolver resolver;
    private final List<CommitLogDispatcher> dispatchers = new CopyOnWriteArrayList<>();
    private volatile long reputFromOffset;
    private volatile long lastDispatchedTimestamp;

    /** @param commitLog source @param resolver tags-code policy */
    public ReputService(CommitLog commitLog, TagsCodeResolver resolver) {
        this.commitLog = commitLog;
        this.resolver = resolver;
    }

    /** @param d dispatcher, called in registration order */
    public void addDispatcher(CommitLogDispatcher d) {
        dispatchers.add(d);
    }

    public long getReputFromOffset() {
        return reputFromOffset;
    }

    public void setReputFromOffset(long offset) {
        this.reputFromOffset = offset;
    }

    /** @return store timestamp of the last dispatched record */
    public long getLastDispatchedTimestamp() {
        return lastDispatchedTimestamp;
    }

    /** @return bytes not yet dispatched */
    public long behind() {
        return commitLog.getMaxOffset() - reputFromOffset;
    }

    @Override
    public String getServiceName() {
        return "ReputService";
    }

    @Override
    public void run() {
        while (!isStopped()) {
            waitForRunning(10);
            try {
                catchUp();
            } catch (RuntimeException e) {
                LOG.error("reput failed at {}", reputFromOffset, e);
            }
        }
        catchUp();
    }

    /** Dispatches everything published so far. */
    public void catchUp() {
        while (reputFromOffset < commitLog.getMaxOffset()) {
            long from = reputFromOffset;
            ByteBuffer data = commitLog.data(from);
            if (data == null) {
                if (from < commitLog.getMinOffset()) {
                    reputFromOffset = commitLog.getMinOffset();
                    continue;
                }
                reputFromOffset = commitLog.rollNextFile(from);
                continue;
            }
            int pos = 0;
            while (pos < data.limit()) {
                RecordCheck rc = RecordCheck.check(data, pos, false, resolver);
                if (rc.kind() == RecordCheck.Kind.MESSAGE) {
                    DispatchRequest req = rc.request();
                    for (CommitLogDispatcher d : dispatchers) {
                        d.dispatch(req);
                    }
                    lastDispatchedTimestamp = req.storeTimestamp();
                    pos += rc.size();
                    reputFromOffset = from + pos;
                } else if (rc.kind() == RecordCheck.Kind.INCOMPLETE) {
                    return;
                } else if (rc.kind() == RecordCheck.Kind.BLANK) {
                    reputFromOffset = commitLog.rollNextFile(from + pos);
                    break;
                } else {
                    LOG.error("reput: invalid record at {}; skipping to next file", from + pos);
                    reputFromOffset = commitLog.rollNextFile(from + pos);
                    break;
                }
            }
            if (reputFromOffset == from) {
                return;
            }
        }
    }
}
