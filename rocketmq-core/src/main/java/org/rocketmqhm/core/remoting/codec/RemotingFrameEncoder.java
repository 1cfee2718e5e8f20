package org.rocketmqhm.core.remoting.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageEncoder;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.SerializeType;

import java.util.List;

/**
 * Writes a command as one frame in the serialization the command names. A byte-array body is wrapped, a
 * {@link ByteBuf} body (zero copy from the store) is written as is and released by Netty. Stateless and sharable.
 *
 * @since 0.1.0
 */
@ChannelHandler.Sharable
public final class RemotingFrameEncoder extends MessageToMessageEncoder<RemotingCommand> {

    @Override
    protected void encode(ChannelHandlerContext ctx, RemotingCommand command, List<Object> out) throws Exception {
        ByteBuf bodyBuf = command.getBodyBuf();
        command.setBodyBuf(null);
        ByteBuf header = ctx.alloc().ioBuffer(256);
        try {
            header.writerIndex(8);
            int headerLength = command.getSerializeType() == SerializeType.ROCKETMQ
                ? BinaryHeaderCodec.encode(command, header)
                : JsonHeaderCodec.encode(command, header);
            int bodyLength = bodyBuf != null ? bodyBuf.readableBytes()
                : command.getBody() == null ? 0 : command.getBody().length;
            header.setInt(0, 4 + headerLength + bodyLength);
            header.setInt(4, (command.getSerializeType().code() << 24) | (headerLength & 0xFFFFFF));
        } catch (Exception e) {
            header.release();
            if (bodyBuf != null) {
                bodyBuf.release();
            }
            throw e;
        }
        out.add(header);
        if (bodyBuf != null) {
            out.add(bodyBuf);
        } else if (command.getBody() != null && command.getBody().length > 0) {
            out.add(Unpooled.wrappedBuffer(command.getBody()));
        }
    }
}
