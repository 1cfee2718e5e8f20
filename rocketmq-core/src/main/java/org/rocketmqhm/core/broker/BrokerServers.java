package org.rocketmqhm.core.broker;

import io.netty.channel.Channel;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.remoting.ChannelEventListener;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RequestInterceptor;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.remoting.netty.NettyRemotingServer;
import org.rocketmqhm.core.remoting.netty.NettyServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The broker's two remoting listeners: the main port ({@code listenPort}, 0 = ephemeral) and the "VIP" port
 * {@code port - 2} (protocol section 1.15), which serves every request family except PULL_MESSAGE and
 * LITE_PULL_MESSAGE. Apache clients use the VIP port only with {@code sendMessageWithVIPChannel}, but an Apache
 * slave always fetches GET_ALL_TOPIC_CONFIG from its master there. A VIP port that cannot be bound is logged and
 * skipped; the main port failing to bind fails start-up. Server-to-client requests go through the main port.
 * Thread-safe after {@link #start}.
 *
 * @since 0.3.0
 */
final class BrokerServers {

    private static final Logger log = LoggerFactory.getLogger(BrokerServers.class);

    private NettyRemotingServer main;
    private NettyRemotingServer vip;
    private RequestInterceptor interceptor;

    /** @param interceptor checks every request on both listeners (ACL); call before {@link #start} */
    void setRequestInterceptor(RequestInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    /**
     * @param listenPort main port (0 = ephemeral)
     * @param customizer applied to both listeners' settings (TLS)
     * @throws IllegalStateException when the main port cannot be bound
     */
    void start(int listenPort, Consumer<NettyServerConfig> customizer) {
        NettyServerConfig config = new NettyServerConfig();
        config.setListenPort(listenPort);
        customizer.accept(config);
        main = new NettyRemotingServer("broker", config);
        main.setRequestInterceptor(interceptor);
        main.start();
        vip = startVip(main.localPort(), customizer);
    }

    private NettyRemotingServer startVip(int port, Consumer<NettyServerConfig> customizer) {
        if (port < 3) {
            return null;
        }
        NettyServerConfig config = new NettyServerConfig();
        customizer.accept(config);
        config.setListenPort(port - 2);
        config.setServerWorkerThreads(2);
        NettyRemotingServer server = new NettyRemotingServer("broker-vip", config);
        server.setRequestInterceptor(interceptor);
        try {
            server.start();
            return server;
        } catch (IllegalStateException e) {
            log.warn("the VIP port {} (listenPort - 2) is not served: {}", port - 2, e.getMessage());
            return null;
        }
    }

    int localPort() {
        return main.localPort();
    }

    void setChannelEventListener(ChannelEventListener listener) {
        main.setChannelEventListener(listener);
        if (vip != null) {
            vip.setChannelEventListener(listener);
        }
    }

    void register(RequestProcessor processor, Executor executor, int... codes) {
        for (int code : codes) {
            main.registerProcessor(code, processor, executor);
            if (vip != null && code != RequestCode.PULL_MESSAGE && code != RequestCode.LITE_PULL_MESSAGE) {
                vip.registerProcessor(code, processor, executor);
            }
        }
    }

    CompletableFuture<RemotingCommand> invokeAsync(Channel channel, RemotingCommand request, long timeoutMillis) {
        return main.invokeAsync(channel, request, timeoutMillis);
    }

    void invokeOneway(Channel channel, RemotingCommand request) {
        main.invokeOneway(channel, request);
    }

    void shutdown() {
        main.shutdown();
        if (vip != null) {
            vip.shutdown();
        }
    }
}
