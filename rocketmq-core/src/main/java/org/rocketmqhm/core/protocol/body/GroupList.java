package org.rocketmqhm.core.protocol.body;

import java.util.Set;

/** A list of consumer group names. */
public record GroupList(Set<String> groupList) {
}
