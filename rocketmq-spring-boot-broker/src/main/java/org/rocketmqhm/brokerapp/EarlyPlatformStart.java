package org.rocketmqhm.brokerapp;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.context.event.ApplicationPreparedEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;
import org.springframework.core.env.ConfigurableEnvironment;

import java.lang.management.ManagementFactory;

/**
 * Starts the name server and the broker on their own thread as soon as Spring Boot has prepared the environment,
 * so that they bind their ports, recover the store and register while the rest of the application context (web
 * server, actuator, metrics) is still being built on the main thread. On a small machine that context takes
 * several seconds; the messaging roles do not need any of it.
 *
 * <p>The listener binds the settings ({@link PlatformStart#fromEnvironment}) and hands the result to the context as
 * the {@link PlatformStart} singleton before refresh. The lifecycle beans wait for
 * it in {@code start()}, so a failure (a taken port, an unusable store) still fails the context with the original
 * exception and {@link StartupFailureAnalyzer}'s message. When the application fails, whatever was started is
 * stopped. Thread-safety: Spring Boot publishes these events on the main thread, one after the other.
 *
 * @since 0.2.0
 */
public final class EarlyPlatformStart implements GenericApplicationListener {

    /** Bean name of the {@link PlatformStart} registered before refresh. */
    public static final String BEAN_NAME = "rocketmqPlatformStart";

    private static final Logger log = LoggerFactory.getLogger(EarlyPlatformStart.class);

    private PlatformStart start;

    @Override
    public boolean supportsEventType(ResolvableType eventType) {
        Class<?> type = eventType.getRawClass();
        return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
            || ApplicationPreparedEvent.class.isAssignableFrom(type)
            || ApplicationFailedEvent.class.isAssignableFrom(type));
    }

    @Override
    public void onApplicationEvent(ApplicationEvent event) {
        if (event instanceof ApplicationEnvironmentPreparedEvent prepared) {
            start = begin(prepared.getEnvironment());
        } else if (event instanceof ApplicationPreparedEvent prepared && start != null) {
            prepared.getApplicationContext().getBeanFactory().registerSingleton(BEAN_NAME, start);
        } else if (event instanceof ApplicationFailedEvent && start != null) {
            start.stopAll();
        }
    }

    @Override
    public int getOrder() {
        // after ConfigDataEnvironmentPostProcessor and the logging system, which run on the same event
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static PlatformStart begin(ConfigurableEnvironment environment) {
        PlatformStart start = PlatformStart.fromEnvironment(environment);
        Thread thread = new Thread(() -> {
            start.run();
            if (start.failure() == null) {
                log.info("messaging roles serving {} ms after the JVM started; management endpoints follow",
                    ManagementFactory.getRuntimeMXBean().getUptime());
            }
        }, "rocketmq-hm-start");
        thread.setDaemon(true);
        thread.start();
        return start;
    }
}
