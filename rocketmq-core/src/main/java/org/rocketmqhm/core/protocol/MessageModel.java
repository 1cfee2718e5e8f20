package org.rocketmqhm.core.protocol;

/** Clustering shares a group's queues among its members; broadcasting gives every member every message. */
public enum MessageModel { BROADCASTING, CLUSTERING }
