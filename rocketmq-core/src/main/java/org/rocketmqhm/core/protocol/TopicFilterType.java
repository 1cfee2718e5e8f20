package org.rocketmqhm.core.protocol;

/** Whether a topic's messages carry one tag or several. */
public enum TopicFilterType { SINGLE_TAG, MULTI_TAG }
