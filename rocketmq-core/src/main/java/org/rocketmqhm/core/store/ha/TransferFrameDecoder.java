package org.rocketmqhm.core.store.ha;

import java.nio.ByteBuffer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the master's byte stream into transfer frames ({@code int64 phyOffset, int32 size, size bytes}, section
 * 6.2) and hands each data part to a sink. A frame whose offset differs from the local end offset (when that is
 * non-zero) is rejected. Bytes of an incomplete frame are kept and compacted to the front of the buffer. Used by
 * one thread only.
 *
 * @since 0.3.0
 */
final class TransferFrameDecoder {

    /** Receives the data part of a frame. */
    @FunctionalInterface
    interface Sink {
        /** @param offset commit-log offset @param data the bytes @return false to drop the connection */
        boolean append(long offset, ByteBuffer data);
    }

    static final int HEADER_SIZE = 12;
    private static final Logger LOG = LoggerFactory.getLogger(TransferFrameDecoder.class);

    private final ByteBuffer buffer;
    private final LongSupplier localEnd;
    private final Sink sink;
    private int dispatchPos;

    TransferFrameDecoder(int capacity, LongSupplier localEnd, Sink sink) {
        this.buffer = ByteBuffer.allocateDirect(capacity);
        this.localEnd = localEnd;
        this.sink = sink;
    }

    /** @return the buffer to read into (position = end of received bytes) */
    ByteBuffer buffer() {
        return buffer;
    }

    void reset() {
        buffer.clear();
        dispatchPos = 0;
    }

    /** Processes every complete frame received so far. @return false on a protocol error */
    boolean decode() {
        while (true) {
            int available = buffer.position() - dispatchPos;
            if (available < HEADER_SIZE) {
                break;
            }
            long offset = buffer.getLong(dispatchPos);
            int size = buffer.getInt(dispatchPos + 8);
            if (size < 0 || size > buffer.capacity() - HEADER_SIZE) {
                LOG.warn("transfer frame at offset {} has an impossible size {}", offset, size);
                return false;
            }
            if (available < HEADER_SIZE + size) {
                break;
            }
            long local = localEnd.getAsLong();
            if (local != 0 && offset != local) {
                LOG.warn("master sent offset {} but the local commit log ends at {}", offset, local);
                return false;
            }
            if (size > 0) {
                ByteBuffer data = buffer.duplicate();
                data.limit(dispatchPos + HEADER_SIZE + size).position(dispatchPos + HEADER_SIZE);
                if (!sink.append(offset, data)) {
                    return false;
                }
            }
            dispatchPos += HEADER_SIZE + size;
        }
        if (dispatchPos == buffer.position()) {
            reset();
        } else if (!buffer.hasRemaining() || buffer.remaining() < HEADER_SIZE) {
            buffer.flip();
            buffer.position(dispatchPos);
            buffer.compact();
            dispatchPos = 0;
        }
        return true;
    }
}
