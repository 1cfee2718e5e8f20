package org.rocketmqhm.core.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import org.rocketmqhm.core.remoting.RemotingAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.function.Supplier;

/**
 * First handler of a server connection when TLS is not disabled: looks at the first byte the client sends. A TLS
 * handshake record ({@code 0x16}) installs an {@code SslHandler} behind it; anything else stays plain, unless the
 * mode is {@link TlsMode#ENFORCING}, which closes the connection. Either way the detector then removes itself and
 * hands the bytes it saw on. One instance per connection.
 *
 * @since 0.2.0
 */
final class TlsDetector extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(TlsDetector.class);
    private static final byte HANDSHAKE = 0x16;

    private final TlsMode mode;
    private final Supplier<SslContext> sslContext;

    TlsDetector(TlsMode mode, Supplier<SslContext> sslContext) {
        this.mode = mode;
        this.sslContext = sslContext;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (!in.isReadable()) {
            return;
        }
        if (in.getByte(in.readerIndex()) == HANDSHAKE) {
            SslContext context;
            try {
                context = sslContext.get();
            } catch (RuntimeException e) {
                log.warn("closing TLS connection from {}: no TLS context: {}",
                    RemotingAddresses.toAddress(ctx.channel().remoteAddress()), e.toString());
                in.skipBytes(in.readableBytes());
                ctx.close();
                return;
            }
            ctx.pipeline().addAfter(ctx.name(), "tls", context.newHandler(ctx.alloc()));
        } else if (mode == TlsMode.ENFORCING) {
            log.info("closing plain connection from {}: the server enforces TLS",
                RemotingAddresses.toAddress(ctx.channel().remoteAddress()));
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
    }
}
