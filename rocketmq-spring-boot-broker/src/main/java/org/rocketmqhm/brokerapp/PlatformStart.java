package org.rocketmqhm.brokerapp;

import org.rocketmqhm.core.broker.Broker;
import org.rocketmqhm.core.namesrv.NameServer;
import org.rocketmqhm.core.namesrv.NamesrvConfig;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The name server and broker of this process (either may be absent) and the outcome of starting them, which
 * {@link EarlyPlatformStart} runs on its own thread: name server first, then the broker, which registers with the
 * name server of the same process unless {@code namesrvAddr} is set. Settings: {@code rocketmq.namesrv.*}, then
 * {@code -c broker.properties} overlaid by {@code rocketmq.broker.*}; each role switched by its {@code enabled} flag.
 *
 * <p>Thread-safety: the start runs once, on whichever thread claims it first (the start thread, or a caller of
 * {@link #await()} when nobody started it); {@link #await()} publishes the outcome (the latch orders the writes
 * before the reads); each stop runs at most once.
 *
 * @since 0.2.0
 */
public final class PlatformStart {

    /** How long a lifecycle bean waits for the start thread; store recovery of a large store can take a while. */
    private static final long AWAIT_MINUTES = 30;

    private final NameServer nameServer;
    private final Broker broker;
    private final CountDownLatch done = new CountDownLatch(1);
    private final AtomicBoolean claimed = new AtomicBoolean();
    private final AtomicBoolean nameServerStarted = new AtomicBoolean();
    private volatile RuntimeException failure;

    PlatformStart(NameServer nameServer, Broker broker) {
        this.nameServer = nameServer;
        this.broker = broker;
    }

    /** Binds the settings of both roles from the environment; starts nothing. */
    static PlatformStart fromEnvironment(Environment environment) {
        NameServer nameServer = null;
        if (environment.getProperty("rocketmq.namesrv.enabled", Boolean.class, true)) {
            NamesrvConfig config = new NamesrvConfig();
            Binder.get(environment).bind("rocketmq.namesrv", Bindable.ofInstance(config));
            nameServer = new NameServer(config);
        }
        Broker broker = null;
        if (environment.getProperty("rocketmq.broker.enabled", Boolean.class, true)) {
            BrokerSettings settings = BrokerSettingsLoader.load(environment);
            broker = new Broker(settings.broker(), settings.store());
        }
        return new PlatformStart(nameServer, broker);
    }

    /** @return the name server of this process, or null when {@code rocketmq.namesrv.enabled=false} */
    public NameServer nameServer() {
        return nameServer;
    }

    /** @return the broker of this process, or null when {@code rocketmq.broker.enabled=false} */
    public Broker broker() {
        return broker;
    }

    /** Starts both roles unless another thread already claimed the start; the outcome goes to {@link #await()}. */
    void run() {
        if (!claimed.compareAndSet(false, true)) {
            return;
        }
        try {
            if (nameServer != null) {
                nameServer.start();
                nameServerStarted.set(true);
            }
            if (broker != null) {
                String namesrvAddr = broker.config().getNamesrvAddr();
                if ((namesrvAddr == null || namesrvAddr.isBlank()) && nameServer != null) {
                    broker.config().setNamesrvAddr("127.0.0.1:" + nameServer.listenPort());
                }
                broker.start();
            }
        } catch (RuntimeException e) {
            failure = e;
            stopAll();
        } catch (Error e) {
            failure = new IllegalStateException(e.toString(), e);
            stopAll();
            throw e;
        } finally {
            done.countDown();
        }
    }

    RuntimeException failure() {
        return failure;
    }

    /**
     * Waits until both roles have started.
     *
     * @throws RuntimeException the exception that stopped the start (a taken port, an unusable store, ...)
     */
    void await() {
        run();
        try {
            if (!done.await(AWAIT_MINUTES, TimeUnit.MINUTES)) {
                throw new IllegalStateException("the name server and broker did not start within " + AWAIT_MINUTES
                    + " minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the name server and broker to start", e);
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Stops what runs: the broker first, so it can unregister, then the name server. */
    void stopAll() {
        stopBroker();
        stopNameServer();
    }

    /** Stops the broker if it runs (unregisters, flushes, closes the store). */
    void stopBroker() {
        if (broker != null) {
            broker.shutdown();
        }
    }

    /** Stops the name server if it was started, once. */
    void stopNameServer() {
        if (nameServer != null && nameServerStarted.compareAndSet(true, false)) {
            nameServer.shutdown();
        }
    }
}
