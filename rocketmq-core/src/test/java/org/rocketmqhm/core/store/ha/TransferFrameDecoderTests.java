package org.rocketmqhm.core.store.ha;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TransferFrameDecoderTests {

    private final AtomicLong localEnd = new AtomicLong();
    private final List<String> appended = new ArrayList<>();
    private final TransferFrameDecoder decoder = new TransferFrameDecoder(64, localEnd::get, (offset, data) -> {
        byte[] b = new byte[data.remaining()];
        data.duplicate().get(b);
        appended.add(offset + ":" + new String(b));
        localEnd.set(offset + b.length);
        return true;
    });

    @Test
    void decodesFramesSplitAnywhereSkipsHeartbeatsAndCompacts() {
        ByteBuffer stream = ByteBuffer.allocate(200);
        long offset = 0;
        for (String part : List.of("hello", "", "world!", "0123456789012345678901234567890123456789")) {
            stream.putLong(offset).putInt(part.length()).put(part.getBytes());
            offset += part.length();
        }
        stream.flip();
        while (stream.hasRemaining()) {
            ByteBuffer in = decoder.buffer();
            int n = Math.min(Math.min(7, stream.remaining()), in.remaining());
            ByteBuffer chunk = stream.duplicate();
            chunk.limit(chunk.position() + n);
            in.put(chunk);
            stream.position(stream.position() + n);
            assertThat(decoder.decode()).isTrue();
        }
        assertThat(appended).containsExactly("0:hello", "5:world!",
            "11:0123456789012345678901234567890123456789");
    }

    @Test
    void rejectsAFrameAtAnotherOffsetThanTheLocalEnd() {
        localEnd.set(100);
        decoder.buffer().putLong(90).putInt(0);
        assertThat(decoder.decode()).isFalse();
        assertThat(appended).isEmpty();
    }
}
