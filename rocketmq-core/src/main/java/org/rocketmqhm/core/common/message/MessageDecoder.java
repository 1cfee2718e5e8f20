package org.rocketmqhm.core.common.message;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads records of the stored layout documented on {@link MessageEncoder}. Accepts V1 and V2 magic and IPv4/IPv6
 * hosts (SYSFLAG bits 4/5). A malformed record yields {@code null} and {@link #decodeAll} stops there.
 * Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class MessageDecoder {

    public static final int POS_TOTAL_SIZE = 0;
    public static final int POS_MAGIC = 4;
    public static final int POS_BODY_CRC = 8;
    public static final int POS_QUEUE_ID = 12;
    public static final int POS_FLAG = 16;
    public static final int POS_QUEUE_OFFSET = 20;
    public static final int POS_PHYSICAL_OFFSET = 28;
    public static final int POS_SYS_FLAG = 36;
    public static final int POS_BORN_TIMESTAMP = 40;
    public static final int POS_BORN_HOST = 48;
    /** Smallest possible record: IPv4 hosts, empty body/topic/properties. */
    public static final int MIN_RECORD_LENGTH = MessageEncoder.storedLength(0, 0, 0, 0);

    private MessageDecoder() {
    }

    /** @param sysFlag the record's sysFlag @return position of STORETIMESTAMP inside the record */
    public static int storeTimestampPosition(int sysFlag) {
        return POS_BORN_HOST + MessageSysFlag.bornHostLength(sysFlag);
    }

    /** @param buf a buffer @param recordStart absolute start of a record @return its store timestamp */
    public static long readStoreTimestamp(ByteBuffer buf, int recordStart) {
        int sysFlag = buf.getInt(recordStart + POS_SYS_FLAG);
        return buf.getLong(recordStart + storeTimestampPosition(sysFlag));
    }

    /** @param magic a MAGICCODE value @return whether it is V1 or V2 */
    public static boolean isMessageMagic(int magic) {
        return magic == MessageEncoder.MAGIC_V1 || magic == MessageEncoder.MAGIC_V2;
    }

    /**
     * Decodes one record at the buffer's position; on success the position moves past it, otherwise it is left
     * unchanged.
     *
     * @param buf source
     * @param readBody whether to copy the body
     * @param decompressBody whether to inflate a compressed body (and clear the compressed bit)
     * @return the message, or null if the record is malformed or truncated
     */
    public static MessageExt decode(ByteBuffer buf, boolean readBody, boolean decompressBody) {
        int start = buf.position();
        try {
            MessageExt msg = decodeAt(buf, start, readBody, decompressBody);
            if (msg != null) {
                buf.position(start + msg.getStoreSize());
            }
            return msg;
        } catch (RuntimeException | IOException e) {
            return null;
        }
    }

    /**
     * @param buf source, from its position to its limit
     * @param readBody whether to copy bodies
     * @param decompressBody whether to inflate compressed bodies
     * @return every well-formed record up to the first malformed one
     */
    public static List<MessageExt> decodeAll(ByteBuffer buf, boolean readBody, boolean decompressBody) {
        List<MessageExt> out = new ArrayList<>();
        while (buf.hasRemaining()) {
            MessageExt m = decode(buf, readBody, decompressBody);
            if (m == null) {
                break;
            }
            out.add(m);
        }
        return out;
    }

    /**
     * Reads only the properties of the record at {@code recordStart} (absolute), without moving the position.
     *
     * @param buf source
     * @param recordStart absolute record start
     * @return decoded properties, empty when the record is malformed
     */
    public static Map<String, String> decodeProperties(ByteBuffer buf, int recordStart) {
        try {
            int sysFlag = buf.getInt(recordStart + POS_SYS_FLAG);
            int magic = buf.getInt(recordStart + POS_MAGIC);
            int p = storeTimestampPosition(sysFlag) + 8 + MessageSysFlag.storeHostLength(sysFlag) + 4 + 8;
            p += recordStart;
            int bodyLen = buf.getInt(p);
            p += 4 + bodyLen;
            int topicLen;
            if (magic == MessageEncoder.MAGIC_V2) {
                topicLen = buf.getShort(p);
                p += 2;
            } else {
                topicLen = buf.get(p);
                p += 1;
            }
            p += topicLen;
            int propLen = buf.getShort(p);
            p += 2;
            return MessageProperties.decode(readString(buf, p, propLen));
        } catch (RuntimeException e) {
            return MessageProperties.decode(null);
        }
    }

    private static MessageExt decodeAt(ByteBuffer buf, int start, boolean readBody, boolean decompressBody)
            throws IOException {
        int limit = buf.limit();
        if (limit - start < MIN_RECORD_LENGTH) {
            return null;
        }
        int total = buf.getInt(start);
        int magic = buf.getInt(start + POS_MAGIC);
        if (!isMessageMagic(magic) || total < MIN_RECORD_LENGTH || total > limit - start) {
            return null;
        }
        MessageExt msg = new MessageExt();
        msg.setStoreSize(total);
        msg.setBodyCRC(buf.getInt(start + POS_BODY_CRC));
        msg.setQueueId(buf.getInt(start + POS_QUEUE_ID));
        msg.setFlag(buf.getInt(start + POS_FLAG));
        msg.setQueueOffset(buf.getLong(start + POS_QUEUE_OFFSET));
        msg.setCommitLogOffset(buf.getLong(start + POS_PHYSICAL_OFFSET));
        int sysFlag = buf.getInt(start + POS_SYS_FLAG);
        msg.setBornTimestamp(buf.getLong(start + POS_BORN_TIMESTAMP));
        int p = start + POS_BORN_HOST;
        int bornLen = MessageSysFlag.bornHostLength(sysFlag);
        InetSocketAddress born = readHost(buf, p, bornLen - 4);
        p += bornLen;
        msg.setStoreTimestamp(buf.getLong(p));
        p += 8;
        int storeLen = MessageSysFlag.storeHostLength(sysFlag);
        InetSocketAddress store = readHost(buf, p, storeLen - 4);
        p += storeLen;
        msg.setReconsumeTimes(buf.getInt(p));
        p += 4;
        msg.setPreparedTransactionOffset(buf.getLong(p));
        p += 8;
        int bodyLen = buf.getInt(p);
        p += 4;
        if (bodyLen < 0 || p + bodyLen > start + total) {
            return null;
        }
        if (readBody) {
            byte[] body = new byte[bodyLen];
            buf.get(p, body);
            if (decompressBody && MessageSysFlag.isCompressed(sysFlag)) {
                body = MessageCompression.decompress(body, MessageSysFlag.getCompressionType(sysFlag));
                sysFlag &= ~(MessageSysFlag.COMPRESSED_FLAG | MessageSysFlag.COMPRESSION_TYPE_MASK);
            }
            msg.setBody(body);
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
        msg.setTopic(readString(buf, p, topicLen));
        p += topicLen;
        int propLen = buf.getShort(p) & 0xFFFF;
        p += 2;
        if (p + propLen != start + total) {
            return null;
        }
        if (propLen > 0) {
            msg.setProperties(MessageProperties.decode(readString(buf, p, propLen)));
        }
        msg.setSysFlag(sysFlag);
        msg.setBornHost(born);
        msg.setStoreHost(store);
        msg.setSysFlag(sysFlag);
        msg.setMsgId(MessageIds.createOffsetMsgId(store, msg.getCommitLogOffset()));
        return msg;
    }

    private static InetSocketAddress readHost(ByteBuffer buf, int pos, int ipLen) throws UnknownHostException {
        byte[] ip = new byte[ipLen];
        buf.get(pos, ip);
        int port = buf.getInt(pos + ipLen);
        return new InetSocketAddress(InetAddress.getByAddress(ip), port);
    }

    private static String readString(ByteBuffer buf, int pos, int len) {
        byte[] b = new byte[len];
        buf.get(pos, b);
        return new String(b, StandardCharsets.UTF_8);
    }
}
