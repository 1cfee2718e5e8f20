package org.rocketmqhm.core.client.consumer;

/** Outcome of an orderly listener call: done, or retry the same batch locally after a pause (queue order kept). */
public enum ConsumeOrderlyStatus { SUCCESS, SUSPEND_CURRENT_QUEUE_A_MOMENT }
