package org.rocketmqhm.core.broker.longpolling;

import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.store.MessageFilter;

/**
 * A pull held by long polling: the request to re-run, the offset it waits beyond, its filter (to skip wake-ups
 * for messages it would not match) and its deadline. Immutable.
 *
 * @param context the request and its connection
 * @param pullFromOffset the queue offset the pull asked for
 * @param filter the pull's filter
 * @param deadlineMillis when to answer PULL_NOT_FOUND
 * @since 0.1.0
 */
public record ParkedPull(RemotingContext context, long pullFromOffset, MessageFilter filter, long deadlineMillis) {
}
