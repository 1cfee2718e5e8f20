package org.rocketmqhm.core.protocol.body;

import java.util.Map;

/** A string map body, e.g. broker runtime info or a KV namespace. */
public record KVTable(Map<String, String> table) {
}
