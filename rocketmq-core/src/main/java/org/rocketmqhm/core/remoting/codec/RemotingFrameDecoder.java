package org.rocketmqhm.core.remoting.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.CorruptedFrameException;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.SerializeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Splits the byte stream into frames ({@code length:int headerWord:int header body}) and decodes each into a
 * {@link RemotingCommand}. A malformed frame (length out of range, header longer than the frame, unknown
 * serialization, undecodable header) closes the connection after one log line; nothing is answered because the
 * stream can no longer be trusted.
 *
 * @since 0.1.0
 */
public final class RemotingFrameDecoder extends LengthFieldBasedFrameDecoder {

    /**
     * Default maximum frame size, counting the 4-byte length prefix: 16 MiB, or the JVM property
     * {@code com.rocketmq.remoting.frameMaxLength} (Apache's name for the same limit).
     */
    public static final int DEFAULT_MAX_FRAME_LENGTH =
        Integer.getInteger("com.rocketmq.remoting.frameMaxLength", 16 * 1024 * 1024);

    private static final Logger log = LoggerFactory.getLogger(RemotingFrameDecoder.class);

    public RemotingFrameDecoder(int maxFrameLength) {
        super(maxFrameLength, 0, 4, 0, 4);
    }

    @Override
    protected Object decode(ChannelHandlerContext ctx, ByteBuf in) throws Exception {
        ByteBuf frame = (ByteBuf) super.decode(ctx, in);
        if (frame == null) {
            return null;
        }
        try {
            return decodeFrame(frame);
        } finally {
            frame.release();
        }
    }

    /** Decodes one frame without its length prefix. */
    public static RemotingCommand decodeFrame(ByteBuf frame) throws Exception {
        int frameLength = frame.readableBytes();
        if (frameLength < 4) {
            throw new CorruptedFrameException("frame of " + frameLength + " bytes has no header word");
        }
        int headerWord = frame.readInt();
        SerializeType type = SerializeType.fromCode((headerWord >>> 24) & 0xFF);
        int headerLength = headerWord & 0xFFFFFF;
        if (type == null) {
            throw new CorruptedFrameException("unknown header serialization " + ((headerWord >>> 24) & 0xFF));
        }
        if (headerLength > frameLength - 4) {
            throw new CorruptedFrameException("header length " + headerLength + " exceeds frame length " + frameLength);
        }
        RemotingCommand command;
        try {
            int bodyStart = frame.readerIndex() + headerLength;
            command = type == SerializeType.JSON
                ? JsonHeaderCodec.decode(frame, headerLength)
                : BinaryHeaderCodec.decode(frame, headerLength);
            frame.readerIndex(bodyStart);
        } catch (CorruptedFrameException e) {
            throw e;
        } catch (Exception e) {
            throw new CorruptedFrameException("undecodable " + type + " header: " + e.getMessage(), e);
        }
        command.setSerializeType(type);
        int bodyLength = frame.readableBytes();
        if (bodyLength > 0) {
            byte[] body = new byte[bodyLength];
            frame.readBytes(body);
            command.setBody(body);
        }
        return command;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.warn("closing connection from {}: malformed frame: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
