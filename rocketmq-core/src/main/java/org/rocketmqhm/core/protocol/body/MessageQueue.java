package org.rocketmqhm.core.protocol.body;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import org.rocketmqhm.core.protocol.RemotingJson;

import java.io.IOException;
import java.util.Comparator;

/**
 * One queue of a topic on one broker name. Ordered by topic, broker name, queue id (rebalancing relies on it).
 *
 * @since 0.1.0
 */
public record MessageQueue(String topic, String brokerName, int queueId) implements Comparable<MessageQueue> {

    private static final Comparator<MessageQueue> ORDER = Comparator.comparing(MessageQueue::topic)
        .thenComparing(MessageQueue::brokerName).thenComparingInt(MessageQueue::queueId);

    @Override
    public int compareTo(MessageQueue other) {
        return ORDER.compare(this, other);
    }

    /** Writes a queue used as a map key as its JSON text, which fastjson reads back as the object. */
    public static final class KeySerializer extends JsonSerializer<MessageQueue> {
        @Override
        public void serialize(MessageQueue queue, JsonGenerator json, SerializerProvider provider) throws IOException {
            json.writeFieldName("{\"brokerName\":" + quote(queue.brokerName) + ",\"queueId\":" + queue.queueId
                + ",\"topic\":" + quote(queue.topic) + "}");
        }

        private static String quote(String value) {
            return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
    }

    /** Reads a map key holding a queue's JSON text. */
    public static final class KeyDeserializer extends com.fasterxml.jackson.databind.KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return RemotingJson.mapper().readValue(key, MessageQueue.class);
        }
    }
}
