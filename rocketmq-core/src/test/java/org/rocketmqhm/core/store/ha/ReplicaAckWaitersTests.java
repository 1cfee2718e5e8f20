package org.rocketmqhm.core.store.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.store.PutStatus;

class ReplicaAckWaitersTests {

    @Test
    void acksCompleteCoveredWaitersInAnyRegistrationOrderAndTheRestTimeOut() throws Exception {
        ReplicaAckWaiters waiters = new ReplicaAckWaiters(300);
        CompletableFuture<PutStatus> late = waiters.await(300);
        CompletableFuture<PutStatus> early = waiters.await(100);
        CompletableFuture<PutStatus> middle = waiters.await(200);

        waiters.acked(200);
        assertThat(early).isCompletedWithValue(PutStatus.PUT_OK);
        assertThat(middle).isCompletedWithValue(PutStatus.PUT_OK);
        assertThat(late).isNotDone();
        assertThat(waiters.await(150)).isCompletedWithValue(PutStatus.PUT_OK);

        assertThat(late.get(5, TimeUnit.SECONDS)).isEqualTo(PutStatus.FLUSH_SLAVE_TIMEOUT);
        waiters.acked(100);
        assertThat(waiters.await(200)).isCompletedWithValue(PutStatus.PUT_OK);
    }

    @Test
    void failAllAnswersTimeout() {
        ReplicaAckWaiters waiters = new ReplicaAckWaiters(60_000);
        CompletableFuture<PutStatus> f = waiters.await(10);
        waiters.failAll();
        assertThat(f).isCompletedWithValue(PutStatus.FLUSH_SLAVE_TIMEOUT);
    }
}
