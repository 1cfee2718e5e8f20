package org.rocketmqhm.core.testsupport;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Base of client integration tests: one broker per test class, started by {@link #startBroker}. Override that
 * method to run the same tests against another broker.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BrokerTestBase {

    private static final AtomicInteger NAMES = new AtomicInteger();

    private BrokerFixture broker;
    private Path dir;

    /** @return a started broker storing under the folder */
    protected BrokerFixture startBroker(Path dir) throws Exception {
        return ApacheRocketMQ.start(dir);
    }

    @BeforeAll
    void startBrokerOnce() throws Exception {
        dir = Files.createTempDirectory("rocketmq-client-test");
        broker = startBroker(dir);
    }

    @AfterAll
    void stopBroker() throws Exception {
        if (broker != null) {
            broker.close();
        }
        if (dir != null) {
            try (var paths = Files.walk(dir)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    protected String nameServerAddress() {
        return broker.nameServerAddress();
    }

    protected BrokerFixture broker() {
        return broker;
    }

    /** @return a fresh name with the prefix, unique in this JVM */
    protected static String unique(String prefix) {
        return prefix + "-" + ProcessHandle.current().pid() + "-" + NAMES.incrementAndGet();
    }
}
