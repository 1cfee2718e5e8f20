package org.rocketmqhm.core.remoting.netty;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import org.rocketmqhm.core.remoting.RemotingEndpoint;
import org.rocketmqhm.core.remoting.codec.RemotingFrameDecoder;
import org.rocketmqhm.core.remoting.codec.RemotingFrameEncoder;

import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A remoting server on one TCP port. Register processors, then {@link #start()}. Unless its TLS mode is
 * {@code disabled}, each connection starts with a {@link TlsDetector} (Apache's {@code tls.server.mode}:
 * {@code permissive} serves TLS and plain clients on the same port, {@code enforcing} TLS only); the TLS context is
 * built when the first TLS client arrives; without a configured certificate a JVM-wide self-signed one is generated
 * in the background from {@link #start()} on.
 *
 * @since 0.1.0
 */
public class NettyRemotingServer extends RemotingEndpoint {

    private static final RemotingFrameEncoder ENCODER = new RemotingFrameEncoder();

    private final NettyServerConfig config;
    private final String name;
    private EventLoopGroup bossGroup;
    private EventLoopGroup workerGroup;
    private Channel serverChannel;
    private final TlsMode tlsMode;
    private volatile CompletableFuture<SslContext> sslContext;

    public NettyRemotingServer(String name, NettyServerConfig config) {
        this.name = name;
        this.config = config;
        this.tlsMode = TlsMode.parse(config.getTlsMode());
    }

    /** @return the TLS context, built on first use (self-signed if no certificate is configured); never blocks */
    private CompletableFuture<SslContext> sslContext() {
        CompletableFuture<SslContext> context = sslContext;
        if (context == null) {
            synchronized (this) {
                if (sslContext == null) {
                    sslContext = SslContexts.serverContext(config);
                }
                context = sslContext;
            }
        }
        return context;
    }

    /**
     * Binds and starts serving.
     *
     * @throws IllegalStateException with a clear message when the port is taken
     */
    public void start() {
        if (tlsMode == TlsMode.ENFORCING && !SslContexts.hasServerCertificate(config)) {
            // every client will need it; a permissive server makes it for its first TLS client
            SslContexts.selfSignedServerContext();
        }
        int workers = config.getServerWorkerThreads() > 0 ? config.getServerWorkerThreads()
            : Math.max(2, Runtime.getRuntime().availableProcessors());
        bossGroup = NettyTransport.eventLoopGroup(config.getServerSelectorThreads(), name + "-accept");
        workerGroup = NettyTransport.eventLoopGroup(workers, name + "-io");
        ServerBootstrap bootstrap = new ServerBootstrap()
            .group(bossGroup, workerGroup)
            .channel(NettyTransport.serverChannelClass())
            .option(ChannelOption.SO_BACKLOG, 1024)
            .option(ChannelOption.SO_REUSEADDR, true)
            .childOption(ChannelOption.TCP_NODELAY, true)
            .childOption(ChannelOption.SO_KEEPALIVE, false)
            .childHandler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    if (config.getServerSocketSndBufSize() > 0) {
                        channel.config().setSendBufferSize(config.getServerSocketSndBufSize());
                    }
                    if (config.getServerSocketRcvBufSize() > 0) {
                        channel.config().setReceiveBufferSize(config.getServerSocketRcvBufSize());
                    }
                    if (tlsMode != TlsMode.DISABLED) {
                        channel.pipeline().addLast(new TlsDetector(tlsMode, NettyRemotingServer.this::sslContext));
                    }
                    channel.pipeline().addLast(
                        new IdleStateHandler(0, 0, config.getServerChannelMaxIdleTimeSeconds(), TimeUnit.SECONDS),
                        new RemotingFrameDecoder(config.getMaxFrameLength()),
                        ENCODER,
                        connectionHandler(),
                        commandHandler());
                }
            });
        try {
            serverChannel = bootstrap.bind(new InetSocketAddress(config.getBindAddress(), config.getListenPort()))
                .syncUninterruptibly().channel();
        } catch (Exception e) {
            shutdown();
            if (e instanceof BindException || e.getCause() instanceof BindException
                || String.valueOf(e.getMessage()).contains("Address already in use")) {
                throw new IllegalStateException(name + " cannot listen on port " + config.getListenPort()
                    + ": address already in use", e);
            }
            throw new IllegalStateException(name + " cannot listen on port " + config.getListenPort() + ": " + e, e);
        }
    }

    /** @return the bound port (useful when configured with 0) */
    public int localPort() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** Stops accepting and closes every connection. */
    public void shutdown() {
        if (serverChannel != null) {
            serverChannel.close().syncUninterruptibly();
        }
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
