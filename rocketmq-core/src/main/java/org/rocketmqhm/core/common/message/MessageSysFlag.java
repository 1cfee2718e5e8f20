package org.rocketmqhm.core.common.message;

/**
 * Bits of a message's {@code sysFlag} (protocol reference section 4.3).
 *
 * <pre>
 * bit 0      0x001  COMPRESSED
 * bit 1      0x002  MULTI_TAGS
 * bits 2-3   0x00C  transaction type: 0x0 NOT_TYPE, 0x4 PREPARED, 0x8 COMMIT, 0xC ROLLBACK
 * bit 4      0x010  born host is IPv6
 * bit 5      0x020  store host is IPv6
 * bit 6      0x040  NEED_UNWRAP (5.x)
 * bit 7      0x080  INNER_BATCH (5.x)
 * bits 8-10  0x700  compression type: 1 LZ4, 2 ZSTD, 3 ZLIB (0 means ZLIB)
 * </pre>
 *
 * @since 0.1.0
 */
public final class MessageSysFlag {

    public static final int COMPRESSED_FLAG = 0x1;
    public static final int MULTI_TAGS_FLAG = 0x2;
    public static final int TRANSACTION_NOT_TYPE = 0;
    public static final int TRANSACTION_PREPARED_TYPE = 0x4;
    public static final int TRANSACTION_COMMIT_TYPE = 0x8;
    public static final int TRANSACTION_ROLLBACK_TYPE = 0xC;
    public static final int TRANSACTION_TYPE_MASK = 0xC;
    public static final int BORNHOST_V6_FLAG = 0x10;
    public static final int STOREHOST_V6_FLAG = 0x20;
    public static final int NEED_UNWRAP_FLAG = 0x40;
    public static final int INNER_BATCH_FLAG = 0x80;
    public static final int COMPRESSION_TYPE_MASK = 0x700;
    public static final int COMPRESSION_LZ4 = 1;
    public static final int COMPRESSION_ZSTD = 2;
    public static final int COMPRESSION_ZLIB = 3;

    private MessageSysFlag() {
    }

    /** @param flag a sysFlag @return its transaction type (one of the TRANSACTION_*_TYPE values) */
    public static int getTransactionValue(int flag) {
        return flag & TRANSACTION_TYPE_MASK;
    }

    /** @param flag a sysFlag @param type a TRANSACTION_*_TYPE value @return flag with its transaction bits replaced */
    public static int resetTransactionValue(int flag, int type) {
        return (flag & ~TRANSACTION_TYPE_MASK) | (type & TRANSACTION_TYPE_MASK);
    }

    /** @param flag a sysFlag @return whether the body is compressed */
    public static boolean isCompressed(int flag) {
        return (flag & COMPRESSED_FLAG) != 0;
    }

    /** @param flag a sysFlag @return compression type in bits 8-10; 0 is reported as ZLIB */
    public static int getCompressionType(int flag) {
        int type = (flag & COMPRESSION_TYPE_MASK) >>> 8;
        return type == 0 ? COMPRESSION_ZLIB : type;
    }

    /** @param flag a sysFlag @param type compression type (1..3) @return flag with compressed bit and type set */
    public static int setCompression(int flag, int type) {
        return (flag & ~COMPRESSION_TYPE_MASK) | COMPRESSED_FLAG | ((type << 8) & COMPRESSION_TYPE_MASK);
    }

    /** @param flag a sysFlag @return byte length of the encoded born host (8 or 20) */
    public static int bornHostLength(int flag) {
        return (flag & BORNHOST_V6_FLAG) == 0 ? 8 : 20;
    }

    /** @param flag a sysFlag @return byte length of the encoded store host (8 or 20) */
    public static int storeHostLength(int flag) {
        return (flag & STOREHOST_V6_FLAG) == 0 ? 8 : 20;
    }
}
