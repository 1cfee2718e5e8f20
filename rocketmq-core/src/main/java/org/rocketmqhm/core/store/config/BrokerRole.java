package org.rocketmqhm.core.store.config;

/** Role of the broker owning the store; a SLAVE store refuses puts. @since 0.1.0 */
public enum BrokerRole {
    ASYNC_MASTER,
    SYNC_MASTER,
    SLAVE
}
