package org.rocketmqhm.core.store.log;

import java.nio.ByteBuffer;
import java.util.Map;
import java.util.zip.CRC32;
import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.common.message.MessageEncoder;
import org.rocketmqhm.core.common.message.PropertiesView;
import org.rocketmqhm.core.common.message.MessageSysFlag;
import org.rocketmqhm.core.store.TagsCodeResolver;
import org.rocketmqhm.core.store.dispatch.DispatchRequest;

/**
 * Validates one commit-log record in place (used by recovery and reput): magic, size bounds, internal length
 * consistency, a topic without NUL bytes and optionally BODYCRC. Result kinds: a message ({@link #request()}),
 * the end-of-file blank, or invalid (torn or garbage). The request's properties are a {@link PropertiesView} of the stored string (looked
 * up by name without decoding the whole map); its strings come from the calling thread's {@link RecordStrings}.
 * Thread-safe; a new instance per record.
 *
 * @since 0.1.0
 */
public final class RecordCheck {

    /** Kind of record found. */
    public enum Kind {
        MESSAGE,
        BLANK,
        INVALID,
        /**
         * A record whose header is valid but whose bytes are not all published yet: only a slave's log, which
         * receives replicated bytes cut anywhere, can end like this. The reput thread waits for the rest;
         * recovery cuts it (the master sends it again). Since 0.3.0.
         */
        INCOMPLETE
    }

    private final Kind kind;
    private final int size;
    private final DispatchRequest request;
    private final String reason;

    private RecordCheck(Kind kind, int size, DispatchRequest request) {
        this(kind, size, request, null);
    }

    private RecordCheck(Kind kind, int size, DispatchRequest request, String reason) {
        this.kind = kind;
        this.size = size;
        this.request = request;
        this.reason = reason;
    }

    private static RecordCheck invalid(String reason) {
        return new RecordCheck(Kind.INVALID, 0, null, reason);
    }

    /** @return why the record is INVALID (null otherwise) */
    public String reason() {
        return reason;
    }

    public Kind kind() {
        return kind;
    }

    /** @return record size (for BLANK: bytes to the file end) */
    public int size() {
        return size;
    }

    /** @return the parsed record for MESSAGE, else null */
    public DispatchRequest request() {
        return request;
    }

    /**
     * @param buf buffer whose absolute positions are file positions; limit = readable end
     * @param pos record start
     * @param checkCrc whether to verify BODYCRC
     * @param resolver tags-code policy
     * @return the check result
     */
    public static RecordCheck check(ByteBuffer buf, int pos, boolean checkCrc, TagsCodeResolver resolver) {
        int avail = buf.limit() - pos;
        if (avail < 8) {
            return new RecordCheck(Kind.INCOMPLETE, 0, null, "fewer than 8 bytes left");
        }
        int total = buf.getInt(pos);
        int magic = buf.getInt(pos + 4);
        if (magic == MessageEncoder.BLANK_MAGIC) {
            if (total >= 8 && total > avail) {
                return new RecordCheck(Kind.INCOMPLETE, 0, null, "blank record of " + total + " bytes, " + avail
                        + " available");
            }
            return total >= 8 ? new RecordCheck(Kind.BLANK, total, null) : invalid("bad blank record size " + total);
        }
        if (!MessageDecoder.isMessageMagic(magic)) {
            return invalid(String.format("bad magic 0x%08x", magic));
        }
        if (total < MessageDecoder.MIN_RECORD_LENGTH) {
            return invalid("bad total size " + total);
        }
        if (total > avail) {
            return new RecordCheck(Kind.INCOMPLETE, 0, null, "record of " + total + " bytes, " + avail
                    + " available");
        }
        try {
            int sysFlag = buf.getInt(pos + MessageDecoder.POS_SYS_FLAG);
            int p = pos + MessageDecoder.storeTimestampPosition(sysFlag);
            long storeTs = buf.getLong(p);
            p += 8 + MessageSysFlag.storeHostLength(sysFlag) + 4;
            long preparedTx = buf.getLong(p);
            p += 8;
            int bodyLen = buf.getInt(p);
            p += 4;
            if (bodyLen < 0 || p + bodyLen > pos + total) {
                return invalid("bad body length " + bodyLen);
            }
            if (checkCrc) {
                CRC32 crc = new CRC32();
                crc.update(buf.slice(p, bodyLen));
                if ((int) (crc.getValue() & 0x7FFFFFFF) != buf.getInt(pos + MessageDecoder.POS_BODY_CRC)) {
                    return invalid("body CRC mismatch");
                }
            }
            p += bodyLen;
            int topicLen;
            if (magic == MessageEncoder.MAGIC_V2) {
                topicLen = buf.getShort(p) & 0xFFFF;
                p += 2;
            } else {
                topicLen = buf.get(p) & 0xFF;
                p += 1;
            }
            if (topicLen == 0 || hasNul(buf, p, topicLen)) {
                // no valid topic is empty or holds NUL; zeros here are a record cut while it was written
                return invalid("empty topic or NUL in topic");
            }
            RecordStrings strings = RecordStrings.forCurrentThread();
            String topic = strings.topic(buf, p, topicLen);
            p += topicLen;
            int propLen = buf.getShort(p) & 0xFFFF;
            p += 2;
            if (p + propLen != pos + total) {
                return invalid("field lengths do not add up to the total size");
            }
            Map<String, String> props = new PropertiesView(strings.string(buf, p, propLen));
            long tagsCode = resolver.tagsCode(topic, sysFlag, props, storeTs);
            DispatchRequest req = new DispatchRequest(topic, buf.getInt(pos + MessageDecoder.POS_QUEUE_ID),
                    buf.getLong(pos + MessageDecoder.POS_PHYSICAL_OFFSET), total, tagsCode, storeTs,
                    buf.getLong(pos + MessageDecoder.POS_QUEUE_OFFSET), sysFlag, preparedTx, props);
            return new RecordCheck(Kind.MESSAGE, total, req);
        } catch (RuntimeException e) {
            return invalid("unparsable record: " + e);
        }
    }

    private static boolean hasNul(ByteBuffer buf, int pos, int len) {
        for (int i = pos; i < pos + len; i++) {
            if (buf.get(i) == 0) {
                return true;
            }
        }
        return false;
    }
}
