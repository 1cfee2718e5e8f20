package org.rocketmqhm.core.store.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads a record's UTF-8 strings out of a (mapped) buffer for {@link RecordCheck} with as little garbage as the
 * reput thread can afford per message: bytes are copied into a reusable scratch array before decoding (the String
 * is the only allocation), and the topic is reused when its bytes equal the previous record's, which is the
 * common case in a stream of records. One instance per thread ({@link #forCurrentThread()}); not thread-safe.
 *
 * @since 0.1.0
 */
final class RecordStrings {

    private static final int KEEP_LIMIT = 64 * 1024;
    private static final ThreadLocal<RecordStrings> PER_THREAD = ThreadLocal.withInitial(RecordStrings::new);

    private byte[] scratch = new byte[512];
    private byte[] lastTopicBytes = new byte[0];
    private String lastTopic;

    private RecordStrings() {
    }

    static RecordStrings forCurrentThread() {
        return PER_THREAD.get();
    }

    /** @return the topic at {@code pos}, the previous topic's String when the bytes are the same */
    String topic(ByteBuffer buf, int pos, int len) {
        if (lastTopic != null && sameBytes(buf, pos, len, lastTopicBytes)) {
            return lastTopic;
        }
        byte[] bytes = new byte[len];
        buf.get(pos, bytes);
        lastTopicBytes = bytes;
        lastTopic = new String(bytes, StandardCharsets.UTF_8);
        return lastTopic;
    }

    private static boolean sameBytes(ByteBuffer buf, int pos, int len, byte[] bytes) {
        if (len != bytes.length) {
            return false;
        }
        for (int i = 0; i < len; i++) {
            if (buf.get(pos + i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** @return the UTF-8 string of {@code len} bytes at {@code pos} */
    String string(ByteBuffer buf, int pos, int len) {
        byte[] bytes = len <= scratch.length ? scratch : new byte[len];
        if (bytes != scratch && len <= KEEP_LIMIT) {
            scratch = bytes;
        }
        buf.get(pos, bytes, 0, len);
        return new String(bytes, 0, len, StandardCharsets.UTF_8);
    }
}
