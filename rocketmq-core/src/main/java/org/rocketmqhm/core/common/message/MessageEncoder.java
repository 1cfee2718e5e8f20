package org.rocketmqhm.core.common.message;

import java.lang.invoke.VarHandle;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * Writes the stored message layout of section 4.1 (big-endian):
 *
 * <pre>
 * TOTALSIZE int32 | MAGICCODE int32 | BODYCRC int32 | QUEUEID int32 | FLAG int32 | QUEUEOFFSET int64
 * | PHYSICALOFFSET int64 | SYSFLAG int32 | BORNTIMESTAMP int64 | BORNHOST ip(4|16)+port int32
 * | STORETIMESTAMP int64 | STOREHOST ip(4|16)+port int32 | RECONSUMETIMES int32 | PREPAREDTXOFFSET int64
 * | BODYLENGTH int32 + body | TOPICLENGTH int8 (V1) or int16 (V2) + topic | PROPERTIESLENGTH int16 + properties
 * </pre>
 *
 * The hot path {@link #encode(ByteBuffer, MessageExt, byte[], byte[])} allocates nothing but the host address
 * copies. It writes TOTALSIZE last, behind a store-store fence, so a process killed in the middle of a record
 * leaves a zero TOTALSIZE that recovery reads as the end of the log; written first, a record cut after its topic
 * length (properties empty) or inside its properties looked complete. V2 magic is used only for topics longer than 127 bytes. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class MessageEncoder {

    /** Magic of a V1 record (1-byte topic length). */
    public static final int MAGIC_V1 = 0xDAA320A7;
    /** Magic of a V2 record (2-byte topic length). */
    public static final int MAGIC_V2 = 0xDAA320AB;
    /** Magic of the blank filler at a commit-log file end. */
    public static final int BLANK_MAGIC = 0xCBD43194;
    /** Largest properties string in bytes. */
    public static final int MAX_PROPERTIES_LENGTH = Short.MAX_VALUE;
    /** Largest topic length for V1 records. */
    public static final int MAX_V1_TOPIC_LENGTH = Byte.MAX_VALUE;

    private static final byte[] EMPTY = new byte[0];

    private MessageEncoder() {
    }

    /**
     * @param sysFlag flag deciding the host lengths
     * @param bodyLength body bytes
     * @param topicLength topic bytes
     * @param propertiesLength properties bytes
     * @return total record length
     */
    public static int storedLength(int sysFlag, int bodyLength, int topicLength, int propertiesLength) {
        int topicLenField = topicLength > MAX_V1_TOPIC_LENGTH ? 2 : 1;
        return 4 + 4 + 4 + 4 + 4 + 8 + 8 + 4 + 8 + MessageSysFlag.bornHostLength(sysFlag) + 8
                + MessageSysFlag.storeHostLength(sysFlag) + 4 + 8 + 4 + bodyLength + topicLenField + topicLength
                + 2 + propertiesLength;
    }

    /**
     * Writes one record at {@code dst}'s position, advancing it. The caller supplies the encoded topic and
     * properties; every other field, including BODYCRC, comes from {@code msg} as is.
     *
     * @param dst target with enough remaining space
     * @param msg fields to write
     * @param topic UTF-8 topic
     * @param properties UTF-8 properties string
     * @return number of bytes written
     */
    public static int encode(ByteBuffer dst, MessageExt msg, byte[] topic, byte[] properties) {
        byte[] body = msg.getBody() == null ? EMPTY : msg.getBody();
        int sysFlag = msg.getSysFlag();
        int total = storedLength(sysFlag, body.length, topic.length, properties.length);
        boolean v2 = topic.length > MAX_V1_TOPIC_LENGTH;
        int start = dst.position();
        dst.putInt(0);
        dst.putInt(v2 ? MAGIC_V2 : MAGIC_V1);
        dst.putInt(msg.getBodyCRC());
        dst.putInt(msg.getQueueId());
        dst.putInt(msg.getFlag());
        dst.putLong(msg.getQueueOffset());
        dst.putLong(msg.getCommitLogOffset());
        dst.putInt(sysFlag);
        dst.putLong(msg.getBornTimestamp());
        putHost(dst, msg.getBornHost(), (sysFlag & MessageSysFlag.BORNHOST_V6_FLAG) != 0);
        dst.putLong(msg.getStoreTimestamp());
        putHost(dst, msg.getStoreHost(), (sysFlag & MessageSysFlag.STOREHOST_V6_FLAG) != 0);
        dst.putInt(msg.getReconsumeTimes());
        dst.putLong(msg.getPreparedTransactionOffset());
        dst.putInt(body.length);
        dst.put(body);
        if (v2) {
            dst.putShort((short) topic.length);
        } else {
            dst.put((byte) topic.length);
        }
        dst.put(topic);
        dst.putShort((short) properties.length);
        dst.put(properties);
        VarHandle.storeStoreFence();
        dst.putInt(start, total);
        return total;
    }

    /**
     * Convenience encoder for non-hot paths (e.g. CHECK_TRANSACTION_STATE bodies): encodes properties and topic,
     * computes BODYCRC and returns a flipped buffer.
     *
     * @param msg message with stored fields
     * @return a new buffer holding one record
     */
    public static ByteBuffer encode(MessageExt msg) {
        byte[] topic = msg.getTopic().getBytes(StandardCharsets.UTF_8);
        byte[] props = MessageProperties.encode(msg.getProperties()).getBytes(StandardCharsets.UTF_8);
        byte[] body = msg.getBody() == null ? EMPTY : msg.getBody();
        msg.setBodyCRC(bodyCrc(body, 0, body.length));
        ByteBuffer bb = ByteBuffer.allocate(storedLength(msg.getSysFlag(), body.length, topic.length, props.length));
        encode(bb, msg, topic, props);
        return bb.flip();
    }

    /** @param b bytes @param off offset @param len length @return CRC32 masked with 0x7FFFFFFF */
    public static int bodyCrc(byte[] b, int off, int len) {
        CRC32 crc = new CRC32();
        crc.update(b, off, len);
        return (int) (crc.getValue() & 0x7FFFFFFF);
    }

    private static void putHost(ByteBuffer dst, InetSocketAddress host, boolean v6) {
        if (host == null || host.getAddress() == null) {
            dst.put(new byte[v6 ? 16 : 4]);
            dst.putInt(host == null ? 0 : host.getPort());
            return;
        }
        dst.put(host.getAddress().getAddress());
        dst.putInt(host.getPort());
    }
}
