package org.rocketmqhm.core.client.producer;

/**
 * Outcome of a local transaction; maps to END_TRANSACTION's commitOrRollback 8 / 12 / 0.
 *
 * @since 0.1.0
 */
public enum LocalTransactionState {
    COMMIT_MESSAGE(8), ROLLBACK_MESSAGE(12), UNKNOW(0);

    private final int wireValue;

    LocalTransactionState(int wireValue) {
        this.wireValue = wireValue;
    }

    public int wireValue() {
        return wireValue;
    }
}
