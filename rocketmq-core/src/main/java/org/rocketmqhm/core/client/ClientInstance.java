package org.rocketmqhm.core.client;

import org.rocketmqhm.core.client.acl.AclClientRpcHook;
import org.rocketmqhm.core.client.impl.ConsumerMember;
import org.rocketmqhm.core.client.impl.NameServerChannel;
import org.rocketmqhm.core.client.impl.ProducerMember;
import org.rocketmqhm.core.client.impl.ServerRequestProcessor;
import org.rocketmqhm.core.client.impl.TopicRoute;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.body.BrokerData;
import org.rocketmqhm.core.protocol.body.ConsumerData;
import org.rocketmqhm.core.protocol.body.HeartbeatData;
import org.rocketmqhm.core.protocol.body.ProducerData;
import org.rocketmqhm.core.protocol.body.TopicRouteData;
import org.rocketmqhm.core.protocol.header.GetRouteInfoRequestHeader;
import org.rocketmqhm.core.protocol.header.UnregisterClientRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingException;
import org.rocketmqhm.core.remoting.netty.NettyClientConfig;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connection hub shared by every producer, consumer and admin client of one process with the same client id
 * ({@code ip@instanceName}) and name-server list: one {@link NettyRemotingClient}, a per-topic route cache
 * refreshed every 30 s and after errors, heartbeats to every known broker every 30 s, and the handlers of
 * broker-to-client requests. Clients with different ACL credentials or TLS settings get different instances; the
 * instance signs every request when credentials are configured and connects with TLS when enabled. Obtained with {@link #obtain(ClientConfig)}, released with {@link #release}; it shuts
 * itself down when its last member leaves. Thread-safe.
 *
 * @since 0.1.0
 */
public final class ClientInstance {

    private static final Logger log = LoggerFactory.getLogger(ClientInstance.class);
    private static final Map<String, ClientInstance> INSTANCES = new HashMap<>();

    private final String key;
    private final String clientId;
    private final ClientConfig config;
    private final NettyRemotingClient remoting;
    private final NameServerChannel nameServer;
    private final ScheduledExecutorService scheduler;
    private final ExecutorService callbackExecutor;
    private final Map<String, TopicRoute> routes = new ConcurrentHashMap<>();
    private final Map<String, ProducerMember> producers = new ConcurrentHashMap<>();
    private final Map<String, ConsumerMember> consumers = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<MessageExt>> pendingReplies = new ConcurrentHashMap<>();
    private final Set<String> publishTopics = ConcurrentHashMap.newKeySet();
    private int references;

    private ClientInstance(String key, ClientConfig config) {
        this.key = key;
        this.config = new ClientConfig();
        config.copyTo(this.config);
        this.clientId = config.clientId();
        NettyClientConfig nettyConfig = new NettyClientConfig();
        nettyConfig.setUseTls(config.isTlsEnable());
        this.remoting = new NettyRemotingClient(nettyConfig);
        if (config.hasCredentials()) {
            remoting.setRpcHook(new AclClientRpcHook(config.getAccessKey(), config.getSecretKey(),
                config.getSecurityToken()));
        }
        this.nameServer = new NameServerChannel(remoting, NameServerAddresses.withoutScheme(config.getNamesrvAddr()));
        AtomicInteger threads = new AtomicInteger();
        this.scheduler = Executors.newScheduledThreadPool(2, r -> daemon(r, "rocketmq-client-timer-" + threads.incrementAndGet()));
        this.callbackExecutor = Executors.newFixedThreadPool(4, r -> daemon(r, "rocketmq-client-callback-" + threads.incrementAndGet()));
        ServerRequestProcessor processor = new ServerRequestProcessor(this);
        for (int code : ServerRequestProcessor.CODES) {
            remoting.registerProcessor(code, processor, callbackExecutor);
        }
        scheduler.scheduleWithFixedDelay(this::refreshRoutes, 10, config.getPollNameServerIntervalMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::sendHeartbeatQuietly, 1000, config.getHeartbeatBrokerIntervalMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::persistOffsets, config.getPersistConsumerOffsetIntervalMillis(),
            config.getPersistConsumerOffsetIntervalMillis(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(this::rebalanceAll, config.getRebalanceIntervalMillis(),
            config.getRebalanceIntervalMillis(), TimeUnit.MILLISECONDS);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** @return the shared instance for this config, created on first use; pair with {@link #release} */
    public static ClientInstance obtain(ClientConfig config) {
        String key = config.clientId() + "|" + config.getNamesrvAddr() + "|tls=" + config.isTlsEnable()
            + (config.hasCredentials() ? "|" + config.getAccessKey() + "|" + config.getSecretKey().hashCode()
            + "|" + config.getSecurityToken() : "");
        synchronized (INSTANCES) {
            ClientInstance instance = INSTANCES.computeIfAbsent(key, k -> new ClientInstance(k, config));
            instance.references++;
            return instance;
        }
    }

    /** Drops one reference; the last one shuts the instance down (unregistering from brokers first). */
    public void release() {
        synchronized (INSTANCES) {
            if (--references > 0) {
                return;
            }
            INSTANCES.remove(key);
        }
        scheduler.shutdownNow();
        remoting.shutdown();
        callbackExecutor.shutdownNow();
    }

    public String clientId() {
        return clientId;
    }

    /** @return the name-server list as configured, without scheme ({@code host:port;host:port}) */
    public String nameServerAddresses() {
        return NameServerAddresses.withoutScheme(config.getNamesrvAddr());
    }

    public ClientConfig config() {
        return config;
    }

    public NettyRemotingClient remoting() {
        return remoting;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    // ---- members

    public void registerProducer(ProducerMember producer) {
        if (producers.putIfAbsent(producer.producerGroup(), producer) != null) {
            throw new IllegalStateException("producer group " + producer.producerGroup()
                + " already registered by client " + clientId + "; use another instanceName");
        }
    }

    public void registerConsumer(ConsumerMember consumer) {
        if (consumers.putIfAbsent(consumer.consumerGroup(), consumer) != null) {
            throw new IllegalStateException("consumer group " + consumer.consumerGroup()
                + " already registered by client " + clientId + "; use another instanceName");
        }
        consumer.subscribedTopics().forEach(this::routeOrNull);
        sendHeartbeatQuietly();
    }

    public void unregisterProducer(String group) {
        if (producers.remove(group) != null) {
            unregisterFromBrokers(group, null);
        }
    }

    public void unregisterConsumer(String group) {
        if (consumers.remove(group) != null) {
            unregisterFromBrokers(null, group);
        }
    }

    public ProducerMember producer(String group) {
        return producers.get(group);
    }

    public ConsumerMember consumer(String group) {
        return consumers.get(group);
    }

    public Iterable<ProducerMember> producers() {
        return producers.values();
    }

    // ---- routes

    /** @return the route of the topic, fetched if not cached; throws if the topic does not exist */
    public TopicRoute route(String topic) {
        TopicRoute route = routeOrNull(topic);
        if (route == null) {
            throw new ClientException(ResponseCode.TOPIC_NOT_EXIST, "no route info of topic " + topic);
        }
        return route;
    }

    /** @return the route of the topic, fetched if not cached, or null if the name server does not know it */
    public TopicRoute routeOrNull(String topic) {
        TopicRoute cached = routes.get(topic);
        return cached != null ? cached : refreshRoute(topic);
    }

    /**
     * The route a producer uses: the topic's own, or, when the topic does not exist yet, the brokers that can
     * auto-create it (route of {@code TBW102} clamped to {@code defaultQueueNums} queues per broker).
     */
    public TopicRoute publishRoute(String topic, int defaultQueueNums) {
        publishTopics.add(topic);
        TopicRoute route = routeOrNull(topic);
        if (route != null && !route.writeQueues().isEmpty()) {
            return route;
        }
        TopicRoute templateRoute = routeOrNull(SystemTopics.AUTO_CREATE_TOPIC_KEY);
        TopicRouteData template = templateRoute == null ? null : templateRoute.data();
        if (template == null) {
            throw new ClientException(ResponseCode.TOPIC_NOT_EXIST, "no route info of topic " + topic
                + " and no broker allows auto-creation");
        }
        return TopicRoute.of(topic, template, defaultQueueNums);
    }

    /** Fetches the route now; caches it. @return the route, or null if the topic does not exist */
    public TopicRoute refreshRoute(String topic) {
        TopicRouteData data = fetchRouteData(topic);
        if (data == null) {
            routes.remove(topic);
            return null;
        }
        TopicRoute route = TopicRoute.of(topic, data);
        TopicRoute old = routes.put(topic, route);
        if (old == null || !old.brokers().keySet().equals(route.brokers().keySet())) {
            if (!consumers.isEmpty() || !producers.isEmpty()) {
                callbackExecutor.execute(this::sendHeartbeatQuietly);
            }
        }
        return route;
    }

    private TopicRouteData fetchRouteData(String topic) {
        RemotingCommand request = RemotingCommand.request(RequestCode.GET_ROUTEINFO_BY_TOPIC,
            new GetRouteInfoRequestHeader(topic, true));
        RemotingCommand response = nameServer.invoke(request, config.getRequestTimeoutMillis());
        if (response.getCode() == ResponseCode.TOPIC_NOT_EXIST) {
            return null;
        }
        checkSuccess(response, "get route of " + topic);
        return RemotingJson.decode(response.getBody(), TopicRouteData.class);
    }

    private void refreshRoutes() {
        Set<String> topics = new HashSet<>(routes.keySet());
        topics.addAll(publishTopics);
        consumers.values().forEach(c -> topics.addAll(c.subscribedTopics()));
        for (String topic : topics) {
            try {
                refreshRoute(topic);
            } catch (RuntimeException e) {
                log.debug("route refresh of {} failed: {}", topic, e.toString());
            }
        }
    }

    /** Invokes the current name server (failing over to the next ones). */
    public RemotingCommand invokeNameServer(RemotingCommand request) {
        return nameServer.invoke(request, config.getRequestTimeoutMillis());
    }

    // ---- heartbeat

    /** Sends a heartbeat to every broker of every cached route now. */
    public void sendHeartbeat() {
        Set<ProducerData> producerData = new LinkedHashSet<>();
        producers.keySet().forEach(g -> producerData.add(new ProducerData(g)));
        producerData.add(new ProducerData(SystemTopics.CLIENT_INNER_PRODUCER_GROUP));
        Set<ConsumerData> consumerData = new LinkedHashSet<>();
        consumers.values().forEach(c -> consumerData.add(c.consumerData()));
        byte[] body = RemotingJson.encode(new HeartbeatData(clientId, producerData, consumerData));
        for (String address : brokerAddresses(!consumerData.isEmpty())) {
            RemotingCommand request = RemotingCommand.request(RequestCode.HEART_BEAT).setBody(body);
            try {
                RemotingCommand response = remoting.invokeSync(address, request, config.getRequestTimeoutMillis());
                checkSuccess(response, "heartbeat to " + address);
            } catch (RemotingException | RuntimeException e) {
                log.debug("heartbeat to {} failed: {}", address, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void sendHeartbeatQuietly() {
        try {
            sendHeartbeat();
        } catch (RuntimeException e) {
            log.debug("heartbeat failed", e);
        }
    }

    private Set<String> brokerAddresses(boolean includeSlaves) {
        Set<String> addresses = new LinkedHashSet<>();
        for (TopicRoute route : routes.values()) {
            for (BrokerData broker : route.brokers().values()) {
                if (includeSlaves && broker.brokerAddrs() != null) {
                    addresses.addAll(broker.brokerAddrs().values());
                } else if (broker.masterAddress() != null) {
                    addresses.add(broker.masterAddress());
                }
            }
        }
        return addresses;
    }

    private void unregisterFromBrokers(String producerGroup, String consumerGroup) {
        for (String address : brokerAddresses(true)) {
            RemotingCommand request = RemotingCommand.request(RequestCode.UNREGISTER_CLIENT,
                new UnregisterClientRequestHeader(clientId, producerGroup, consumerGroup));
            try {
                remoting.invokeSync(address, request, config.getRequestTimeoutMillis());
            } catch (RemotingException | RuntimeException e) {
                log.debug("unregister from {} failed: {}", address, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // ---- periodic consumer work

    private void persistOffsets() {
        consumers.values().forEach(c -> {
            try {
                c.persistOffsets();
            } catch (RuntimeException e) {
                log.debug("persisting offsets of {} failed", c.consumerGroup(), e);
            }
        });
    }

    private void rebalanceAll() {
        consumers.values().forEach(c -> rebalanceQuietly(c));
    }

    /** Rebalances the group on a callback thread (NOTIFY_CONSUMER_IDS_CHANGED). */
    public void rebalanceSoon(String group) {
        ConsumerMember consumer = consumers.get(group);
        if (consumer != null) {
            callbackExecutor.execute(() -> rebalanceQuietly(consumer));
        }
    }

    private static void rebalanceQuietly(ConsumerMember consumer) {
        try {
            consumer.rebalance();
        } catch (RuntimeException e) {
            log.debug("rebalance of {} failed", consumer.consumerGroup(), e);
        }
    }

    // ---- request/reply

    /** Registers a pending request; the reply with the same correlation id completes it. */
    public CompletableFuture<MessageExt> expectReply(String correlationId) {
        CompletableFuture<MessageExt> future = new CompletableFuture<>();
        pendingReplies.put(correlationId, future);
        future.whenComplete((m, e) -> pendingReplies.remove(correlationId));
        return future;
    }

    /** @return true if a pending request was waiting for this correlation id */
    public boolean completeReply(String correlationId, MessageExt reply) {
        CompletableFuture<MessageExt> future = pendingReplies.get(correlationId);
        return future != null && future.complete(reply);
    }

    // ---- invocation helpers

    /** Sync call that turns network failures into {@link ClientException}. */
    public RemotingCommand invoke(String address, RemotingCommand request, long timeoutMillis) {
        try {
            return remoting.invokeSync(address, request, timeoutMillis);
        } catch (RemotingException e) {
            throw new ClientException(e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClientException("interrupted", e);
        }
    }

    /** Oneway call; failures are logged only. */
    public void invokeOneway(String address, RemotingCommand request) {
        remoting.channel(address)
            .thenCompose(channel -> remoting.invokeOneway(channel, request))
            .whenComplete((v, e) -> {
                if (e != null) {
                    log.debug("oneway {} to {} failed: {}", request.getCode(), address, e.toString());
                }
            });
    }

    /** Throws a {@link ClientException} unless the response is SUCCESS. */
    public static RemotingCommand checkSuccess(RemotingCommand response, String what) {
        if (response.getCode() != ResponseCode.SUCCESS) {
            throw new ClientException(response.getCode(), what + " failed: code " + response.getCode()
                + ", " + response.getRemark());
        }
        return response;
    }
}
