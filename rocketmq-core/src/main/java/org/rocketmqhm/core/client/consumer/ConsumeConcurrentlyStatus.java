package org.rocketmqhm.core.client.consumer;

/** Outcome of a concurrent listener call: done, or deliver the batch again later through the retry topic. */
public enum ConsumeConcurrentlyStatus { CONSUME_SUCCESS, RECONSUME_LATER }
