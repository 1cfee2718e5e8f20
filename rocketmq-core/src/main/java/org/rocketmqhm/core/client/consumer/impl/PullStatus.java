package org.rocketmqhm.core.client.consumer.impl;

/** Client view of a PULL_MESSAGE answer: 0 FOUND, 19 NO_NEW_MSG, 20 NO_MATCHED_MSG, 21 OFFSET_ILLEGAL. */
public enum PullStatus { FOUND, NO_NEW_MSG, NO_MATCHED_MSG, OFFSET_ILLEGAL }
