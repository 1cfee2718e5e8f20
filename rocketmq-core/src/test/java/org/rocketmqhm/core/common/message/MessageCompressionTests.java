package org.rocketmqhm.core.common.message;

import com.github.luben.zstd.ZstdOutputStream;
import net.jpountz.lz4.LZ4FrameOutputStream;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reading bodies compressed with each sysFlag compression type (5.x producers' setCompressType). */
class MessageCompressionTests {

    private static final byte[] RAW = "compressible text ".repeat(1000).getBytes(StandardCharsets.UTF_8);

    @Test
    void zlibLz4AndZstdBodiesInflate() throws IOException {
        assertThat(MessageCompression.decompress(MessageCompression.compress(RAW, 5), MessageSysFlag.COMPRESSION_ZLIB))
            .isEqualTo(RAW);
        ByteArrayOutputStream lz4 = new ByteArrayOutputStream();
        try (OutputStream out = new LZ4FrameOutputStream(lz4)) {
            out.write(RAW);
        }
        assertThat(MessageCompression.decompress(lz4.toByteArray(), MessageSysFlag.COMPRESSION_LZ4)).isEqualTo(RAW);
        ByteArrayOutputStream zstd = new ByteArrayOutputStream();
        try (OutputStream out = new ZstdOutputStream(zstd)) {
            out.write(RAW);
        }
        assertThat(MessageCompression.decompress(zstd.toByteArray(), MessageSysFlag.COMPRESSION_ZSTD)).isEqualTo(RAW);
    }

    @Test
    void unknownTypeIsRejected() {
        assertThatThrownBy(() -> MessageCompression.decompress(RAW, 7)).isInstanceOf(IOException.class);
    }

    @Test
    void decoderUsesTheTypeInTheSysFlag() throws IOException {
        ByteArrayOutputStream zstd = new ByteArrayOutputStream();
        try (OutputStream out = new ZstdOutputStream(zstd)) {
            out.write(RAW);
        }
        assertThat(MessageSysFlag.getCompressionType(
            MessageSysFlag.setCompression(0, MessageSysFlag.COMPRESSION_ZSTD))).isEqualTo(MessageSysFlag.COMPRESSION_ZSTD);
    }
}
