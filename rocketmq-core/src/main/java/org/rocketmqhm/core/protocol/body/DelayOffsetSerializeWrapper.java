package org.rocketmqhm.core.protocol.body;

import java.util.Map;

/**
 * {@code config/delayOffset.json} and the GET_ALL_DELAY_OFFSET (45) body: delay level → next queue offset of
 * {@code SCHEDULE_TOPIC_XXXX} queue {@code level - 1} to deliver ({@code {"offsetTable":{"1":12,"2":0}}}).
 *
 * @param offsetTable level → offset
 * @since 0.1.0
 */
public record DelayOffsetSerializeWrapper(Map<Integer, Long> offsetTable) {
}
