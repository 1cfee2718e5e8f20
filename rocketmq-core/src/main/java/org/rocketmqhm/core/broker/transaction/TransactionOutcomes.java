package org.rocketmqhm.core.broker.transaction;

import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageExt;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The transactions this broker has already decided, keyed by producer group ({@code PGROUP}) and transaction id
 * ({@code UNIQ_KEY}), which every copy of a half message shares (the original, the copies re-appended by check runs
 * and by the immunity deferral). It makes END_TRANSACTION idempotent per transaction: once one copy is committed or
 * rolled back, a commit/rollback for any copy (a late answer to an earlier check, a second answer, a retried
 * END_TRANSACTION) no longer delivers, and the check service no longer checks the remaining copies.
 *
 * <p>Bounded: the oldest decisions are forgotten beyond {@code capacity} entries. Filled by END_TRANSACTION and, at
 * start, from the tail of the op queue ({@link TransactionOutcomesLoader}), so it also survives a restart for the
 * transactions decided recently. Half messages without {@code UNIQ_KEY} are not tracked. Thread-safe (one lock).
 *
 * @since 0.4.0
 */
public final class TransactionOutcomes {

    /** Default number of remembered decisions. */
    public static final int DEFAULT_CAPACITY = 100_000;

    private final Map<String, Integer> decided;

    public TransactionOutcomes() {
        this(DEFAULT_CAPACITY);
    }

    public TransactionOutcomes(int capacity) {
        this.decided = new LinkedHashMap<>(1024, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
                return size() > capacity;
            }
        };
    }

    /**
     * Records {@code decision} for the half message's transaction unless one is already recorded.
     *
     * @param half a stored half message (any copy)
     * @param decision the sysFlag transaction value (8 commit, 12 rollback)
     * @return true when this call decided the transaction (or it cannot be tracked), false when it was decided
     *     before
     */
    public boolean decide(MessageExt half, int decision) {
        String key = key(half);
        if (key == null) {
            return true;
        }
        synchronized (decided) {
            return decided.putIfAbsent(key, decision) == null;
        }
    }

    /** Forgets a decision whose effect could not be stored, so that a later END_TRANSACTION may retry. */
    public void undo(MessageExt half, int decision) {
        String key = key(half);
        if (key != null) {
            synchronized (decided) {
                decided.remove(key, decision);
            }
        }
    }

    /** @return whether the half message's transaction is known to be decided */
    public boolean isDecided(MessageExt half) {
        String key = key(half);
        if (key == null) {
            return false;
        }
        synchronized (decided) {
            return decided.containsKey(key);
        }
    }

    /** @return how many decisions are remembered */
    public int size() {
        synchronized (decided) {
            return decided.size();
        }
    }

    private static String key(MessageExt half) {
        String uniq = half.getProperty(MessageConst.PROPERTY_UNIQ_CLIENT_MESSAGE_ID_KEYIDX);
        if (uniq == null) {
            return null;
        }
        String group = half.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
        return (group == null ? "" : group) + '\u0001' + uniq;
    }
}
