package org.rocketmqhm.core.mqadmin;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** One {@link MqAdmin} platform (our name server and broker, Apache's admin client) per test class. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class MqAdminTestBase {

    Path dir;
    MqAdmin mq;

    @BeforeAll
    void startPlatform(@TempDir Path tempDir) throws Exception {
        dir = tempDir;
        mq = MqAdmin.start(dir);
    }

    @AfterAll
    void stopPlatform() {
        if (mq != null) {
            mq.close();
        }
    }
}
