package org.rocketmqhm.core.common.message;

import com.github.luben.zstd.ZstdInputStream;
import net.jpountz.lz4.LZ4FrameInputStream;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * LZ4 (frame format) and Zstandard inflation of bodies that 5.x producers compressed with those algorithms (sysFlag
 * compression type 1 and 2). The codec libraries are optional dependencies: this class is only loaded when such a
 * body is read, and a missing library surfaces as {@link NoClassDefFoundError} to {@link MessageCompression}.
 * Stateless and thread-safe.
 */
final class StreamCodecs {

    private StreamCodecs() {
    }

    static byte[] inflateLz4(byte[] data) throws IOException {
        try (InputStream in = new LZ4FrameInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }

    static byte[] inflateZstd(byte[] data) throws IOException {
        try (InputStream in = new ZstdInputStream(new ByteArrayInputStream(data))) {
            return in.readAllBytes();
        }
    }
}
