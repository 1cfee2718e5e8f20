package org.rocketmqhm.core.store.flush;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocketmqhm.core.store.PutStatus;
import org.rocketmqhm.core.store.StoreCheckpoint;
import org.rocketmqhm.core.store.log.MappedFile;
import org.rocketmqhm.core.store.log.MappedFileQueue;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Group commit over a real mapped file: covered requests complete PUT_OK, uncovered ones time out. */
class GroupCommitServiceTests {

    @TempDir
    Path dir;

    private MappedFileQueue files;
    private StoreCheckpoint checkpoint;
    private GroupCommitService service;

    @BeforeEach
    void setUp() {
        files = new MappedFileQueue(dir.resolve("commitlog").toString(), 64 * 1024);
        checkpoint = new StoreCheckpoint(dir.resolve("checkpoint").toString());
        service = new GroupCommitService(files, checkpoint, 300);
        service.start();
    }

    @AfterEach
    void tearDown() {
        service.shutdown();
        checkpoint.close();
        files.getFiles().forEach(MappedFile::close);
    }

    @Test
    void appendedBytesAreFlushedAndEveryCoveredRequestCompletes() throws Exception {
        MappedFile file = files.getOrCreateWritableFile(0);
        CompletableFuture<?>[] futures = new CompletableFuture<?>[20];
        for (int i = 0; i < futures.length; i++) {
            file.writeView().put(new byte[100]);
            file.advance(100, System.currentTimeMillis());
            futures[i] = service.onAppended((i + 1) * 100L, true);
        }
        for (CompletableFuture<?> f : futures) {
            assertThat(f.get(5, TimeUnit.SECONDS)).isEqualTo(PutStatus.PUT_OK);
        }
        assertThat(files.getFlushedWhere()).isEqualTo(2000);
    }

    @Test
    void aRequestBeyondWhatWasWrittenTimesOutWithFlushDiskTimeout() throws Exception {
        MappedFile file = files.getOrCreateWritableFile(0);
        file.writeView().put(new byte[100]);
        file.advance(100, System.currentTimeMillis());
        CompletableFuture<PutStatus> covered = service.onAppended(100, true);
        CompletableFuture<PutStatus> never = service.onAppended(10_000, true);
        long started = System.nanoTime();
        assertThat(covered.get(5, TimeUnit.SECONDS)).isEqualTo(PutStatus.PUT_OK);
        assertThat(never.get(5, TimeUnit.SECONDS)).isEqualTo(PutStatus.FLUSH_DISK_TIMEOUT);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isBetween(250L, 3000L);
    }

    @Test
    void anAsyncAppendIsAnsweredAtOnce() {
        assertThat(service.onAppended(100, false)).isCompletedWithValue(PutStatus.PUT_OK);
    }
}
