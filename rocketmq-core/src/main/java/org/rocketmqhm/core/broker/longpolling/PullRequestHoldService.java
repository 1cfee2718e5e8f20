package org.rocketmqhm.core.broker.longpolling;

import org.rocketmqhm.core.store.MessageArrivalListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToLongBiFunction;

/**
 * Holds pulls that found nothing (section 5.12) under {@code topic@queueId} and wakes them:
 * <ul>
 *   <li>on message arrival ({@link MessageArrivalListener}, called by the store's dispatch thread): pulls whose
 *       offset is below the queue's new max offset and whose filter accepts the new entry's tags code;</li>
 *   <li>by a backstop scan every {@code scanIntervalMillis} (5 s, or 1 s in short-polling mode) that compares
 *       each held pull with the queue's max offset and its deadline.</li>
 * </ul>
 * A woken pull is handed to the {@link Waker}, which re-runs it without the suspend permission on the pull
 * executor. Each held pull is woken exactly once (it is removed under the queue's lock first). Thread-safe.
 *
 * @since 0.1.0
 */
public final class PullRequestHoldService implements MessageArrivalListener {

    private static final Logger log = LoggerFactory.getLogger(PullRequestHoldService.class);

    /** Re-runs a held pull. Must not block: called on the store's dispatch thread and the scan thread. */
    @FunctionalInterface
    public interface Waker {
        void wake(ParkedPull pull);
    }

    private final Map<String, List<ParkedPull>> held = new ConcurrentHashMap<>();
    private final ToLongBiFunction<String, Integer> maxOffsetLookup;
    private final Waker waker;
    private final long scanIntervalMillis;
    private final ScheduledExecutorService scanner;

    /**
     * @param maxOffsetLookup (topic, queueId) to the queue's max offset
     * @param waker re-runs woken pulls
     * @param scanIntervalMillis backstop scan period
     */
    public PullRequestHoldService(ToLongBiFunction<String, Integer> maxOffsetLookup, Waker waker,
                                  long scanIntervalMillis) {
        this.maxOffsetLookup = maxOffsetLookup;
        this.waker = waker;
        this.scanIntervalMillis = scanIntervalMillis;
        this.scanner = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "PullRequestHoldService");
            t.setDaemon(true);
            return t;
        });
    }

    public void start() {
        scanner.scheduleWithFixedDelay(this::scan, scanIntervalMillis, scanIntervalMillis, TimeUnit.MILLISECONDS);
    }

    /** Answers nothing more; held pulls are dropped (their connections are closing anyway). */
    public void shutdown() {
        scanner.shutdownNow();
        held.clear();
    }

    public void hold(String topic, int queueId, ParkedPull pull) {
        List<ParkedPull> list = held.computeIfAbsent(key(topic, queueId), k -> new ArrayList<>());
        synchronized (list) {
            list.add(pull);
        }
        // a message may have arrived between the read and the hold: check once now
        long max = maxOffsetLookup.applyAsLong(topic, queueId);
        if (max > pull.pullFromOffset()) {
            wakeMatching(topic, queueId, max, null);
        }
    }

    @Override
    public void arriving(String topic, int queueId, long logicOffset, long tagsCode, long storeTimestamp,
                         Map<String, String> properties) {
        List<ParkedPull> list = held.get(key(topic, queueId));
        if (list == null) {
            return;
        }
        wakeMatching(topic, queueId, logicOffset, tagsCode);
    }

    private void wakeMatching(String topic, int queueId, long maxOffset, Long tagsCode) {
        List<ParkedPull> list = held.get(key(topic, queueId));
        if (list == null) {
            return;
        }
        List<ParkedPull> woken = new ArrayList<>();
        long now = System.currentTimeMillis();
        synchronized (list) {
            list.removeIf(pull -> {
                boolean arrived = maxOffset > pull.pullFromOffset()
                    && (tagsCode == null || pull.filter().matchesTagsCode(tagsCode));
                if (arrived || now >= pull.deadlineMillis()) {
                    woken.add(pull);
                    return true;
                }
                return false;
            });
        }
        for (ParkedPull pull : woken) {
            try {
                waker.wake(pull);
            } catch (RuntimeException e) {
                log.warn("waking a held pull of {}@{} failed", topic, queueId, e);
            }
        }
    }

    private void scan() {
        try {
            for (String key : held.keySet()) {
                int at = key.lastIndexOf('@');
                String topic = key.substring(0, at);
                int queueId = Integer.parseInt(key.substring(at + 1));
                wakeMatching(topic, queueId, maxOffsetLookup.applyAsLong(topic, queueId), null);
            }
        } catch (RuntimeException e) {
            log.warn("long-polling scan failed", e);
        }
    }

    /** @return number of pulls currently held (for tests and runtime info) */
    public int heldCount() {
        int n = 0;
        for (List<ParkedPull> list : held.values()) {
            synchronized (list) {
                n += list.size();
            }
        }
        return n;
    }

    private static String key(String topic, int queueId) {
        return topic + '@' + queueId;
    }
}
