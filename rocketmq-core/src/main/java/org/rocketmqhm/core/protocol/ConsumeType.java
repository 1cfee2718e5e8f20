package org.rocketmqhm.core.protocol;

/** How a consumer group takes messages: pull ({@code CONSUME_ACTIVELY}) or push ({@code CONSUME_PASSIVELY}). */
public enum ConsumeType { CONSUME_ACTIVELY, CONSUME_PASSIVELY }
