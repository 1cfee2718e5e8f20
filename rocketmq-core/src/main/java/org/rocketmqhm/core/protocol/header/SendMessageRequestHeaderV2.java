package org.rocketmqhm.core.protocol.header;

import org.rocketmqhm.core.remoting.Required;

/**
 * SEND_MESSAGE_V2, SEND_BATCH_MESSAGE and SEND_REPLY_MESSAGE_V2 request: the V1 fields under single-letter keys
 * ({@code a} producerGroup … {@code n} broker name).
 */
public record SendMessageRequestHeaderV2(
        @Required String a,
        @Required String b,
        @Required String c,
        @Required Integer d,
        @Required Integer e,
        @Required Integer f,
        @Required Long g,
        @Required Integer h,
        String i,
        Integer j,
        Boolean k,
        Integer l,
        Boolean m,
        String n) {

    public SendMessageRequestHeader toV1() {
        return new SendMessageRequestHeader(a, b, c, d, e, f, g, h, i, j, k, m, l, n);
    }

    public static SendMessageRequestHeaderV2 fromV1(SendMessageRequestHeader v1) {
        return new SendMessageRequestHeaderV2(v1.producerGroup(), v1.topic(), v1.defaultTopic(),
            v1.defaultTopicQueueNums(), v1.queueId(), v1.sysFlag(), v1.bornTimestamp(), v1.flag(), v1.properties(),
            v1.reconsumeTimes(), v1.unitMode(), v1.maxReconsumeTimes(), v1.batch(), v1.bname());
    }
}
