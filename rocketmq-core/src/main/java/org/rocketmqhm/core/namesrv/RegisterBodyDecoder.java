package org.rocketmqhm.core.namesrv;

import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.TopicFilterType;
import org.rocketmqhm.core.protocol.body.DataVersion;
import org.rocketmqhm.core.protocol.body.RegisterBrokerBody;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.body.TopicConfigSerializeWrapper;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Reads a REGISTER_BROKER body in its three forms: a bare topic wrapper (senders older than version 37), the
 * JSON {@link RegisterBrokerBody}, or the compressed form (zlib of length-prefixed data version, compact topic
 * lines and filter-server list).
 *
 * @since 0.1.0
 */
final class RegisterBodyDecoder {

    /** Oldest sender version whose body is a RegisterBrokerBody. */
    static final int REGISTER_BODY_VERSION = 37;

    private RegisterBodyDecoder() {
    }

    static TopicConfigSerializeWrapper decode(byte[] body, boolean compressed, int senderVersion) {
        if (body == null || body.length == 0) {
            return new TopicConfigSerializeWrapper(Map.of(), DataVersion.initial());
        }
        if (senderVersion < REGISTER_BODY_VERSION) {
            return RemotingJson.decode(body, TopicConfigSerializeWrapper.class);
        }
        if (compressed) {
            return decodeCompressed(inflate(body));
        }
        RegisterBrokerBody registerBody = RemotingJson.decode(body, RegisterBrokerBody.class);
        TopicConfigSerializeWrapper wrapper = registerBody.topicConfigSerializeWrapper();
        if (wrapper == null) {
            return new TopicConfigSerializeWrapper(Map.of(), DataVersion.initial());
        }
        return wrapper;
    }

    private static TopicConfigSerializeWrapper decodeCompressed(byte[] data) {
        ByteBuffer buf = ByteBuffer.wrap(data);
        DataVersion version = RemotingJson.decode(readChunk(buf), DataVersion.class);
        int count = buf.getInt();
        Map<String, TopicConfig> topics = new HashMap<>();
        for (int i = 0; i < count; i++) {
            String[] parts = new String(readChunk(buf), StandardCharsets.UTF_8).split(" ");
            TopicConfig topic = new TopicConfig(parts[0], Integer.parseInt(parts[1]), Integer.parseInt(parts[2]),
                Integer.parseInt(parts[3]));
            if (parts.length > 4) {
                topic.setTopicFilterType(TopicFilterType.valueOf(parts[4]));
            }
            topics.put(topic.getTopicName(), topic);
        }
        if (buf.remaining() >= 4) {
            readChunk(buf);
        }
        return new TopicConfigSerializeWrapper(topics, version);
    }

    private static byte[] readChunk(ByteBuffer buf) {
        int length = buf.getInt();
        if (length < 0 || length > buf.remaining()) {
            throw new IllegalArgumentException("compressed register body is truncated");
        }
        byte[] chunk = new byte[length];
        buf.get(chunk);
        return chunk;
    }

    private static byte[] inflate(byte[] body) {
        Inflater inflater = new Inflater();
        inflater.setInput(body);
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
        byte[] chunk = new byte[8192];
        try {
            while (!inflater.finished()) {
                int n = inflater.inflate(chunk);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IllegalArgumentException("compressed register body is truncated");
                }
                out.write(chunk, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("compressed register body is not zlib data", e);
        } finally {
            inflater.end();
        }
    }

}
