package org.rocketmqhm.brokerapp;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.epoll.Epoll;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.body.BrokerData;
import org.rocketmqhm.core.protocol.body.ClusterInfo;
import org.rocketmqhm.core.protocol.body.DataVersion;
import org.rocketmqhm.core.protocol.body.QueueData;
import org.rocketmqhm.core.protocol.body.RegisterBrokerBody;
import org.rocketmqhm.core.protocol.body.TopicConfig;
import org.rocketmqhm.core.protocol.body.TopicConfigSerializeWrapper;
import org.rocketmqhm.core.protocol.body.TopicRouteData;
import org.rocketmqhm.core.protocol.header.RegisterBrokerRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.SerializeType;
import org.rocketmqhm.core.remoting.codec.RemotingFrameDecoder;
import org.rocketmqhm.core.remoting.codec.RemotingFrameEncoder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Loads the classes the name server and broker need first (Jackson's databind for registration and the JSON config
 * files, both header codecs, Netty's epoll transport and pooled buffers, the classes of our remoting, protocol,
 * name server, store and broker packages) on a background thread while
 * Spring Boot is still reading the configuration and setting up logging, which keeps one of a small machine's cores
 * busy and the other idle. By the time {@link EarlyPlatformStart} starts the roles those classes are ready, so the
 * broker is serving sooner; Spring's own {@code BackgroundPreinitializer} does the same for the web side.
 *
 * <p>The work has no side effects: it encodes and decodes sample bodies and frames in memory (no sockets, no
 * files). A failure only means the classes load later, on the start thread; it is logged at debug level.
 * Switched off with the system property {@code rocketmq.hm.warm-up=false}.
 *
 * @since 0.3.0
 */
public final class MessagingWarmUp implements ApplicationListener<ApplicationStartingEvent> {

    private static final Logger log = LoggerFactory.getLogger(MessagingWarmUp.class);

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        if (!Boolean.parseBoolean(System.getProperty("rocketmq.hm.warm-up", "true"))) {
            return;
        }
        Thread thread = new Thread(() -> {
            long started = System.nanoTime();
            boolean complete = run();
            log.debug("warm-up {} in {} ms", complete ? "complete" : "partial",
                (System.nanoTime() - started) / 1_000_000);
        }, "rocketmq-hm-warm-up");
        thread.setDaemon(true);
        thread.start();
    }

    /** @return whether every step ran to the end (a failed step only means the classes load later) */
    static boolean run() {
        try {
            jsonBodies();
            frames();
            nettyTransport();
            return coreClasses();
        } catch (Exception | LinkageError e) {
            log.debug("warm-up stopped early; the classes load on first use instead", e);
            return false;
        }
    }

    /** The bodies a broker writes and a name server reads at registration, and the config files' shapes. */
    private static void jsonBodies() {
        TopicConfig topic = new TopicConfig("WarmUpTopic", 8, 8, 6);
        TopicConfigSerializeWrapper topics =
            new TopicConfigSerializeWrapper(Map.of(topic.getTopicName(), topic), DataVersion.initial());
        RemotingJson.decode(RemotingJson.encode(new RegisterBrokerBody(topics, List.of())), RegisterBrokerBody.class);
        HashMap<Long, String> addrs = new HashMap<>(Map.of(0L, "127.0.0.1:10911"));
        BrokerData broker = new BrokerData("DefaultCluster", "warm-up", addrs);
        TopicRouteData route = new TopicRouteData(null, List.of(new QueueData("warm-up", 8, 8, 6, 0)),
            List.of(broker), Map.of());
        RemotingJson.decode(RemotingJson.encode(route), TopicRouteData.class);
        ClusterInfo cluster = new ClusterInfo(Map.of("warm-up", broker), Map.of("DefaultCluster", Set.of("warm-up")));
        RemotingJson.decode(RemotingJson.encode(cluster), ClusterInfo.class);
    }

    /** A request with a header record through the frame encoder and decoder, in both header serializations. */
    private static void frames() throws Exception {
        EmbeddedChannel channel = new EmbeddedChannel(new RemotingFrameEncoder());
        // unpooled: a pooled buffer would take a 4 MiB chunk in an arena no broker thread may ever use
        channel.config().setAllocator(UnpooledByteBufAllocator.DEFAULT);
        try {
            for (SerializeType type : SerializeType.values()) {
                RemotingCommand request = RemotingCommand.request(RequestCode.REGISTER_BROKER,
                    new RegisterBrokerRequestHeader("warm-up", "127.0.0.1:10911", "DefaultCluster",
                        "127.0.0.1:10912", 0L, false, 0));
                request.setSerializeType(type);
                request.setBody(new byte[] {'{', '}'});
                channel.writeOutbound(request);
                ByteBuf frame = channel.alloc().buffer();
                try {
                    for (Object part = channel.readOutbound(); part != null; part = channel.readOutbound()) {
                        ByteBuf buf = (ByteBuf) part;
                        frame.writeBytes(buf);
                        buf.release();
                    }
                    frame.skipBytes(4);
                    RemotingFrameDecoder.decodeFrame(frame).decodeHeader(RegisterBrokerRequestHeader.class);
                } finally {
                    frame.release();
                }
            }
        } finally {
            channel.finishAndReleaseAll();
        }
    }

    /** Loads (without initializing) the classes of the packages the name server and broker start with. */
    private static boolean coreClasses() throws IOException {
        boolean all = true;
        ClassLoader loader = MessagingWarmUp.class.getClassLoader();
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver(loader);
        for (String pkg : List.of("remoting", "protocol", "namesrv", "store", "broker")) {
            String root = "org/rocketmqhm/core/" + pkg + "/";
            for (Resource resource : resolver.getResources("classpath*:" + root + "**/*.class")) {
                String url = resource.getURL().toString();
                int at = url.lastIndexOf(root);
                String name = url.substring(at, url.length() - ".class".length()).replace('/', '.');
                try {
                    Class.forName(name, false, loader);
                } catch (ClassNotFoundException | LinkageError e) {
                    log.debug("warm-up could not load {}", name, e);
                    all = false;
                }
            }
        }
        return all;
    }

    /** Netty's native transport check and the pooled allocator (its arenas, not a chunk). */
    private static void nettyTransport() {
        Epoll.isAvailable();
        PooledByteBufAllocator.DEFAULT.isDirectBufferPooled();
    }
}
