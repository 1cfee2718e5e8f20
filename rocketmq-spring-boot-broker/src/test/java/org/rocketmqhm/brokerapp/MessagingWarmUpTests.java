package org.rocketmqhm.brokerapp;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MessagingWarmUpTests {

    /** Every step runs to the end: the sample bodies and frames round-trip and every core class loads. */
    @Test
    void everyStepCompletes() {
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(30), MessagingWarmUp::run)).isTrue();
    }
}
