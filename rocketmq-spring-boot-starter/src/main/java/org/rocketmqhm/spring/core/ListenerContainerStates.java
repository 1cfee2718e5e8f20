package org.rocketmqhm.spring.core;

import java.util.Map;

/**
 * Reports the state of listener containers, for the health indicator.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ListenerContainerStates {

    /** @return state by container name: {@code RUNNING}, {@code STOPPED} or {@code FAILED} */
    Map<String, String> states();
}
