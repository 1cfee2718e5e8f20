package org.rocketmqhm.core.common.message;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * zlib (RFC 1950: header + deflate + Adler-32) body compression as used by producers (section 4.7); reading also
 * handles the LZ4 and ZSTD bodies of 5.x producers when the optional codec libraries are present.
 * Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class MessageCompression {

    /** Default level used by the Java producer. */
    public static final int DEFAULT_LEVEL = 5;

    private MessageCompression() {
    }

    /** @param data raw bytes @param level deflate level 0..9 @return zlib stream */
    public static byte[] compress(byte[] data, int level) {
        Deflater deflater = new Deflater(level);
        try {
            deflater.setInput(data);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(64, data.length / 2));
            byte[] buf = new byte[4096];
            while (!deflater.finished()) {
                int n = deflater.deflate(buf);
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /**
     * @param data a compressed body
     * @param type the sysFlag compression type ({@link MessageSysFlag#getCompressionType}): LZ4, ZSTD or ZLIB
     * @return the inflated bytes
     * @throws IOException when the data is corrupt, the type unknown or its optional codec library is missing
     */
    public static byte[] decompress(byte[] data, int type) throws IOException {
        try {
            return switch (type) {
                case MessageSysFlag.COMPRESSION_ZLIB -> decompress(data);
                case MessageSysFlag.COMPRESSION_LZ4 -> StreamCodecs.inflateLz4(data);
                case MessageSysFlag.COMPRESSION_ZSTD -> StreamCodecs.inflateZstd(data);
                default -> throw new IOException("unsupported compression type " + type);
            };
        } catch (NoClassDefFoundError | UnsatisfiedLinkError e) {
            throw new IOException("no codec on the class path for compression type " + type, e);
        }
    }

    /**
     * @param data a zlib stream
     * @return the inflated bytes
     * @throws IOException when the stream is corrupt
     */
    public static byte[] decompress(byte[] data) throws IOException {
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(data);
            ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 2 + 16);
            byte[] buf = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buf);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new IOException("truncated zlib stream");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            throw new IOException("corrupt zlib stream", e);
        } finally {
            inflater.end();
        }
    }
}
