package org.rocketmqhm.core.store;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Base for the store's background threads (flush, group commit, reput): a loop of work
 * around {@link #waitForRunning(long)}, which returns early when another thread calls {@link #wakeup()}.
 * A wakeup that arrives while the thread is busy is remembered, so no signal is lost.
 *
 * @since 0.1.0
 */
public abstract class ServiceThread implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ServiceThread.class);

    private final AtomicBoolean notified = new AtomicBoolean(false);
    private final AtomicBoolean started = new AtomicBoolean(false);
    private volatile boolean stopped;
    private volatile Thread thread;

    /** @return the thread name */
    public abstract String getServiceName();

    /** Starts the thread once. */
    public void start() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        stopped = false;
        Thread t = new Thread(this, getServiceName());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    /** Signals the loop to end, wakes it and joins it (bounded). */
    public void shutdown() {
        if (!started.compareAndSet(true, false)) {
            return;
        }
        stopped = true;
        wakeup();
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.warn("{} did not stop within 10 s", getServiceName());
            }
        }
    }

    /** Wakes the loop if it is waiting, or makes its next wait return immediately. */
    public void wakeup() {
        if (notified.compareAndSet(false, true)) {
            Thread t = thread;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }
    }

    /** @return whether shutdown was requested */
    public boolean isStopped() {
        return stopped;
    }

    /**
     * Waits up to {@code intervalMs} or until woken.
     *
     * @param intervalMs maximum wait
     */
    protected void waitForRunning(long intervalMs) {
        if (notified.compareAndSet(true, false)) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(intervalMs);
        while (!notified.get() && !stopped) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            LockSupport.parkNanos(this, left);
        }
        notified.set(false);
    }
}
