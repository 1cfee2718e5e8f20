package org.rocketmqhm.core.namesrv;

import io.netty.channel.Channel;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.remoting.ChannelEventListener;
import org.rocketmqhm.core.remoting.netty.NettyRemotingServer;
import org.rocketmqhm.core.remoting.netty.NettyServerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A name server: brokers register their topics here, clients ask it for routes. Independent of other name
 * servers; brokers register with each.
 *
 * @since 0.1.0
 */
public final class NameServer {

    private static final Logger log = LoggerFactory.getLogger(NameServer.class);

    private final NamesrvConfig config;
    private final NettyServerConfig serverConfig;
    private final RouteInfoTable routes = new RouteInfoTable();
    private final KvConfigStore kvConfig;
    private NettyRemotingServer server;
    private ExecutorService routeExecutor;
    private ExecutorService registrationExecutor;
    private ScheduledExecutorService scheduler;

    public NameServer(NamesrvConfig config) {
        this(config, new NettyServerConfig());
    }

    public NameServer(NamesrvConfig config, NettyServerConfig serverConfig) {
        this.config = config;
        this.serverConfig = serverConfig;
        this.kvConfig = new KvConfigStore(config.getKvConfigPath() == null ? null : Path.of(config.getKvConfigPath()));
    }

    /** @return the settings this name server runs with */
    public NamesrvConfig config() {
        return config;
    }

    /** Binds the port and starts serving; throws with a clear message when the port is taken. */
    public synchronized void start() {
        kvConfig.load();
        serverConfig.setListenPort(config.getListenPort());
        serverConfig.setBindAddress(config.getBindAddress());
        config.applyTls(serverConfig);
        server = new NettyRemotingServer("namesrv", serverConfig);
        routeExecutor = pool("namesrv-route", 4);
        registrationExecutor = pool("namesrv-register", 2);

        BrokerRegistrationProcessor registration = new BrokerRegistrationProcessor(routes, kvConfig);
        for (int code : new int[] {RequestCode.REGISTER_BROKER, RequestCode.UNREGISTER_BROKER,
            RequestCode.QUERY_DATA_VERSION}) {
            server.registerProcessor(code, registration, registrationExecutor);
        }
        RouteQueryProcessor query = new RouteQueryProcessor(routes, kvConfig, config);
        for (int code : new int[] {RequestCode.GET_ROUTEINFO_BY_TOPIC, RequestCode.GET_BROKER_CLUSTER_INFO,
            RequestCode.GET_ALL_TOPIC_LIST_FROM_NAMESERVER, RequestCode.GET_TOPICS_BY_CLUSTER,
            RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_NS, RequestCode.GET_UNIT_TOPIC_LIST,
            RequestCode.GET_HAS_UNIT_SUB_TOPIC_LIST, RequestCode.GET_HAS_UNIT_SUB_UNUNIT_TOPIC_LIST}) {
            server.registerProcessor(code, query, routeExecutor);
        }
        KvConfigProcessor kv = new KvConfigProcessor(kvConfig);
        for (int code : new int[] {RequestCode.PUT_KV_CONFIG, RequestCode.GET_KV_CONFIG,
            RequestCode.DELETE_KV_CONFIG, RequestCode.GET_KVLIST_BY_NAMESPACE}) {
            server.registerProcessor(code, kv, routeExecutor);
        }
        RouteAdminProcessor admin = new RouteAdminProcessor(routes);
        for (int code : new int[] {RequestCode.WIPE_WRITE_PERM_OF_BROKER, RequestCode.ADD_WRITE_PERM_OF_BROKER,
            RequestCode.DELETE_TOPIC_IN_NAMESRV}) {
            server.registerProcessor(code, admin, routeExecutor);
        }
        NamesrvConfigProcessor configProcessor = new NamesrvConfigProcessor(config);
        server.registerProcessor(RequestCode.GET_NAMESRV_CONFIG, configProcessor, routeExecutor);
        server.registerProcessor(RequestCode.UPDATE_NAMESRV_CONFIG, configProcessor, routeExecutor);
        server.setChannelEventListener(new ChannelEventListener() {
            @Override
            public void onChannelClose(String remoteAddress, Channel channel) {
                routes.removeByChannel(channel);
            }
        });
        server.start();

        scheduler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "namesrv-expiry");
            thread.setDaemon(true);
            return thread;
        });
        long scan = config.getScanNotActiveBrokerInterval();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                routes.expireInactive(System.currentTimeMillis(), config.getBrokerChannelExpiredTime());
            } catch (RuntimeException e) {
                log.warn("broker expiry scan failed", e);
            }
        }, Math.min(5_000, scan), scan, TimeUnit.MILLISECONDS);
        log.info("name server listening on port {}", listenPort());
    }

    /** @return the bound port */
    public int listenPort() {
        return server.localPort();
    }

    public RouteInfoTable routes() {
        return routes;
    }

    public synchronized void shutdown() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        if (server != null) {
            server.shutdown();
        }
        if (routeExecutor != null) {
            routeExecutor.shutdownNow();
            registrationExecutor.shutdownNow();
        }
        log.info("name server stopped");
    }

    private static ExecutorService pool(String name, int threads) {
        AtomicInteger index = new AtomicInteger();
        return new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(10_000), r -> {
            Thread thread = new Thread(r, name + "-" + index.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }
}
