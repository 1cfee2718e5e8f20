package org.rocketmqhm.core.store.dispatch;

/** Builds a derived structure (consume queue, index) from commit-log records, in commit-log order. @since 0.1.0 */
@FunctionalInterface
public interface CommitLogDispatcher {

    /** @param request one record; called from the single reput thread (or recovery) */
    void dispatch(DispatchRequest request);
}
