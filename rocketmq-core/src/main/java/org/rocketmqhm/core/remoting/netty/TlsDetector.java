package org.rocketmqhm.core.remoting.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.ByteToMessageDecoder;
import io.netty.handler.ssl.SslContext;
import org.rocketmqhm.core.remoting.RemotingAddresses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * First handler of a server connection when TLS is not disabled: looks at the first byte the client sends. A TLS
 * handshake record ({@code 0x16}) installs an {@code SslHandler} behind it; anything else stays plain, unless the
 * mode is {@link TlsMode#ENFORCING}, which closes the connection. Either way the detector then removes itself and
 * hands the bytes it saw on. When the TLS context is not ready yet (the self-signed one is still being generated),
 * the connection stops reading and resumes on its event loop once the context is there: the I/O thread never
 * waits. One instance per connection; all its methods run on the channel's event loop.
 *
 * @since 0.2.0
 */
final class TlsDetector extends ByteToMessageDecoder {

    private static final Logger log = LoggerFactory.getLogger(TlsDetector.class);
    private static final byte HANDSHAKE = 0x16;

    private final TlsMode mode;
    private final Supplier<CompletableFuture<SslContext>> sslContext;
    private boolean waiting;

    TlsDetector(TlsMode mode, Supplier<CompletableFuture<SslContext>> sslContext) {
        this.mode = mode;
        this.sslContext = sslContext;
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) {
        if (waiting || !in.isReadable()) {
            return;
        }
        if (in.getByte(in.readerIndex()) == HANDSHAKE) {
            CompletableFuture<SslContext> context = sslContext.get();
            if (!context.isDone()) {
                waiting = true;
                ctx.channel().config().setAutoRead(false);
                context.whenComplete((ready, failure) -> ctx.executor().execute(() -> {
                    waiting = false;
                    ctx.channel().config().setAutoRead(true);
                    startTls(ctx, context);
                }));
                return;
            }
            startTls(ctx, context);
            return;
        } else if (mode == TlsMode.ENFORCING) {
            log.info("closing plain connection from {}: the server enforces TLS",
                RemotingAddresses.toAddress(ctx.channel().remoteAddress()));
            in.skipBytes(in.readableBytes());
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
    }

    /** Installs the SslHandler behind this detector and hands it the bytes seen so far, or closes on failure. */
    private void startTls(ChannelHandlerContext ctx, CompletableFuture<SslContext> context) {
        if (!ctx.channel().isActive() || ctx.isRemoved()) {
            return;
        }
        SslContext ready;
        try {
            ready = context.join();
        } catch (RuntimeException e) {
            log.warn("closing TLS connection from {}: no TLS context: {}",
                RemotingAddresses.toAddress(ctx.channel().remoteAddress()), e.toString());
            ctx.close();
            return;
        }
        ctx.pipeline().addAfter(ctx.name(), "tls", ready.newHandler(ctx.alloc()));
        ctx.pipeline().remove(this);
    }
}
