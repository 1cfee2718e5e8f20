package org.rocketmqhm.compatspring;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.rocketmqhm.core.testsupport.OurRocketMQ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts our name server and broker before everything else of a test class and stops them after everything else,
 * in particular after the SpringExtension closed the class's context (registered first, so its after-all runs last):
 * the starter's clients still reach the broker while they shut down.
 */
final class OurPlatformExtension implements BeforeAllCallback, AfterAllCallback {

    static {
        // Broadcasting consumers keep offsets in local files named after their client id (stable across runs):
        // keep them per JVM run so a previous run's offsets never meet a fresh store.
        try {
            Path offsets = Files.createTempDirectory("compat-spring-offsets");
            offsets.toFile().deleteOnExit();
            System.setProperty("rocketmq.client.localOffsetStoreDir", offsets.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
        Path dir = Files.createTempDirectory("compat-spring");
        OurPlatformTestBase.dir = dir;
        OurPlatformTestBase.platform = OurRocketMQ.start(dir, OurPlatformTestBase.DELAY_LEVELS, namesrv -> { },
            broker -> broker.setTraceTopicEnable(true));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        OurPlatformTestBase.platform.close();
        try (Stream<Path> files = Files.walk(OurPlatformTestBase.dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
