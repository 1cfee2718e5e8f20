package org.rocketmqhm.core.remoting.netty;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.timeout.IdleStateHandler;
import org.rocketmqhm.core.remoting.RemotingAddresses;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingEndpoint;
import org.rocketmqhm.core.remoting.RemotingException;
import org.rocketmqhm.core.remoting.codec.RemotingFrameDecoder;
import org.rocketmqhm.core.remoting.codec.RemotingFrameEncoder;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A remoting client: one reused connection per {@code host:port}, opened on first use and re-opened after it
 * closes. Requests by address; servers may call back over the same connections. With
 * {@link NettyClientConfig#isUseTls()} every connection is TLS (see {@link SslContexts#forClient}). Thread-safe.
 *
 * @since 0.1.0
 */
public class NettyRemotingClient extends RemotingEndpoint {

    private static final RemotingFrameEncoder ENCODER = new RemotingFrameEncoder();

    private final NettyClientConfig config;
    private final EventLoopGroup group;
    private final Bootstrap bootstrap;
    private final Map<String, ChannelFuture> channels = new ConcurrentHashMap<>();

    public NettyClientConfig config() {
        return config;
    }

    public NettyRemotingClient(NettyClientConfig config) {
        this.config = config;
        SslContext ssl = config.isUseTls() ? SslContexts.forClient(config) : null;
        this.group = NettyTransport.eventLoopGroup(config.getClientWorkerThreads(), "rocketmq-client-io");
        this.bootstrap = new Bootstrap()
            .group(group)
            .channel(NettyTransport.channelClass())
            .option(ChannelOption.TCP_NODELAY, true)
            .option(ChannelOption.SO_KEEPALIVE, false)
            .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, config.getConnectTimeoutMillis())
            .handler(new ChannelInitializer<SocketChannel>() {
                @Override
                protected void initChannel(SocketChannel channel) {
                    if (ssl != null) {
                        channel.pipeline().addLast("tls", ssl.newHandler(channel.alloc()));
                    }
                    channel.pipeline().addLast(
                        new IdleStateHandler(0, 0, config.getClientChannelMaxIdleTimeSeconds(), TimeUnit.SECONDS),
                        new RemotingFrameDecoder(config.getMaxFrameLength()),
                        ENCODER,
                        connectionHandler(),
                        commandHandler());
                }
            });
    }

    /** @return a connected channel to the address, connecting if needed */
    public CompletableFuture<Channel> channel(String address) {
        ChannelFuture existing = channels.get(address);
        if (existing != null && existing.isDone() && !existing.channel().isActive()) {
            channels.remove(address, existing);
            existing = null;
        }
        ChannelFuture connect = existing != null ? existing : channels.computeIfAbsent(address,
            a -> bootstrap.connect(RemotingAddresses.parse(a)));
        CompletableFuture<Channel> result = new CompletableFuture<>();
        connect.addListener(done -> {
            if (done.isSuccess()) {
                result.complete(connect.channel());
            } else {
                channels.remove(address, connect);
                result.completeExceptionally(new RemotingException(RemotingException.Kind.CONNECT,
                    "connect to " + address + " failed", done.cause()));
            }
        });
        return result;
    }

    public CompletableFuture<RemotingCommand> invokeAsync(String address, RemotingCommand request, long timeoutMillis) {
        return channel(address).thenCompose(channel -> invokeAsync(channel, request, timeoutMillis));
    }

    /** Sends and waits; must not be called on a Netty I/O thread. */
    public RemotingCommand invokeSync(String address, RemotingCommand request, long timeoutMillis)
        throws RemotingException, InterruptedException {
        Channel channel = connect(address, timeoutMillis);
        return invokeSync(channel, request, timeoutMillis);
    }

    public void invokeOneway(String address, RemotingCommand request, long timeoutMillis)
        throws RemotingException, InterruptedException {
        invokeOneway(connect(address, timeoutMillis), request);
    }

    private Channel connect(String address, long timeoutMillis) throws RemotingException, InterruptedException {
        try {
            return channel(address).get(Math.max(timeoutMillis, config.getConnectTimeoutMillis()), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            throw (RemotingException) e.getCause();
        } catch (java.util.concurrent.TimeoutException e) {
            throw new RemotingException(RemotingException.Kind.CONNECT, "connect to " + address + " timed out");
        }
    }

    /** Closes the connection to the address, if any. */
    public void closeChannel(String address) {
        ChannelFuture connect = channels.remove(address);
        if (connect != null) {
            connect.channel().close();
        }
    }

    @Override
    protected void onChannelClosed(Channel channel) {
        channels.values().removeIf(f -> f.channel() == channel);
    }

    public void shutdown() {
        channels.values().forEach(f -> f.channel().close());
        channels.clear();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
