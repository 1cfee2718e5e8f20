package org.rocketmqhm.core.broker;

import io.netty.channel.Channel;
import org.rocketmqhm.core.acl.PlainAccessValidator;
import org.rocketmqhm.core.acl.PlainAclStore;
import org.rocketmqhm.core.broker.client.ConsumerIdsChangeNotifier;
import org.rocketmqhm.core.broker.client.ConsumerRegistry;
import org.rocketmqhm.core.broker.client.ProducerRegistry;
import org.rocketmqhm.core.broker.client.QueueLockManager;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.broker.longpolling.PullRequestHoldService;
import org.rocketmqhm.core.broker.offset.ConsumerOffsetManager;
import org.rocketmqhm.core.broker.processor.AclAdminProcessor;
import org.rocketmqhm.core.broker.processor.BrokerAdminProcessor;
import org.rocketmqhm.core.broker.processor.BrokerStatsProcessor;
import org.rocketmqhm.core.broker.processor.ConsumeProgressProcessor;
import org.rocketmqhm.core.broker.processor.ConsumeQueueInspectProcessor;
import org.rocketmqhm.core.broker.processor.TransactionAdminProcessor;
import org.rocketmqhm.core.broker.stats.BrokerStats;
import org.rocketmqhm.core.broker.stats.ThreadPoolQueueGauges;
import org.rocketmqhm.core.broker.processor.ClientManageProcessor;
import org.rocketmqhm.core.broker.processor.ConsumerAdminProcessor;
import org.rocketmqhm.core.broker.processor.ConsumerManageProcessor;
import org.rocketmqhm.core.broker.processor.PullMessageProcessor;
import org.rocketmqhm.core.broker.processor.PutTimeRewriter;
import org.rocketmqhm.core.broker.processor.QueueLockProcessor;
import org.rocketmqhm.core.broker.processor.QueryMessageProcessor;
import org.rocketmqhm.core.broker.processor.QueueQueryProcessor;
import org.rocketmqhm.core.broker.processor.SendMessageProcessor;
import org.rocketmqhm.core.broker.processor.SubscriptionGroupAdminProcessor;
import org.rocketmqhm.core.broker.processor.TopicAdminProcessor;
import org.rocketmqhm.core.broker.processor.ConsumerSendMsgBackProcessor;
import org.rocketmqhm.core.broker.processor.DelayOffsetProcessor;
import org.rocketmqhm.core.broker.registration.NameServerRegistrar;
import org.rocketmqhm.core.broker.schedule.DelayOffsetTable;
import org.rocketmqhm.core.broker.schedule.ScheduleMessageService;
import org.rocketmqhm.core.broker.slave.SlaveMetadataSync;
import org.rocketmqhm.core.broker.processor.EndTransactionProcessor;
import org.rocketmqhm.core.broker.processor.ReplyMessageProcessor;
import org.rocketmqhm.core.broker.processor.ConsumerControlProcessor;
import org.rocketmqhm.core.broker.client.ClientInvoker;
import org.rocketmqhm.core.broker.transaction.TransactionOutcomes;
import org.rocketmqhm.core.broker.transaction.TransactionOutcomesLoader;
import org.rocketmqhm.core.broker.transaction.TransactionalMessageCheckService;
import org.rocketmqhm.core.broker.subscription.SubscriptionGroupManager;
import org.rocketmqhm.core.broker.support.BrokerTagsCodeResolver;
import org.rocketmqhm.core.broker.support.DelayLevels;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.remoting.ChannelEventListener;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.netty.NettyClientConfig;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;
import org.rocketmqhm.core.store.FileMessageStore;
import org.rocketmqhm.core.store.config.BrokerRole;
import org.rocketmqhm.core.store.config.MessageStoreConfig;
import org.rocketmqhm.core.store.ha.ReplicationState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A broker's lifecycle: wires the managers, the store and one processor per request family, then serves.
 * {@link #start()} binds the port, loads {@code config/*.json}, loads and recovers the store, registers processors,
 * registers with the name servers and logs the address; {@link #shutdown()} stops accepting, unregisters, flushes
 * consumer offsets and shuts the store down cleanly. Not a service locator: processors receive only their
 * collaborators. Start and shutdown are synchronized; the rest is thread-safe.
 *
 * @since 0.1.0
 */
public final class Broker {

    private static final Logger log = LoggerFactory.getLogger(Broker.class);
    /** Op records read back at start to remember recently decided transactions (see TransactionOutcomes). */
    private static final int TRANSACTION_OUTCOMES_LOADED_AT_START = 10_000;

    /** How often plain_acl.yml is checked for changes. */
    private static final long ACL_RELOAD_PERIOD_MILLIS = 2000;

    private final BrokerConfig config;
    private final MessageStoreConfig storeConfig;

    private final BrokerExecutors executors = new BrokerExecutors();
    private final BrokerServers servers = new BrokerServers();
    private PlainAclStore acl;
    private NettyRemotingClient namesrvClient;
    private FileMessageStore store;
    private ConsumerOffsetManager offsets;
    private TopicConfigManager topics;
    private PullRequestHoldService holdService;
    private NameServerRegistrar registrar;
    private ScheduleMessageService scheduleService;
    private TransactionalMessageCheckService transactionCheckService;
    private ScheduledExecutorService scheduler;
    private SlaveMetadataSync slaveSync;
    private final AtomicInteger connections = new AtomicInteger();
    private volatile boolean running;

    public Broker(BrokerConfig config, MessageStoreConfig storeConfig) {
        this.config = config;
        this.storeConfig = storeConfig;
    }

    /**
     * Starts serving.
     *
     * @throws IllegalArgumentException when the settings are invalid (naming the key)
     * @throws IllegalStateException when the port is taken or the store cannot be loaded
     */
    public synchronized void start() {
        if (running) {
            return;
        }
        config.validate();
        DelayLevels delayLevels = DelayLevels.parse(storeConfig.getMessageDelayLevel());
        acl = config.isAclEnable() ? new PlainAclStore(config.plainAclFile()) : null;
        if (acl != null) {
            acl.load();
            servers.setRequestInterceptor(new PlainAccessValidator(acl));
        }
        servers.start(config.getListenPort(), config::applyTls);
        int port = servers.localPort();
        String brokerAddr = config.getBrokerIP1() + ":" + port;
        InetSocketAddress storeHost = new InetSocketAddress(config.getBrokerIP1(), port);

        storeConfig.setBrokerRole(config.getBrokerRole());
        storeConfig.setHaListenPort(config.getListenPort() == 0 ? 0 : config.getListenPort() + 1);
        store = new FileMessageStore(storeConfig, storeHost, new BrokerTagsCodeResolver(delayLevels));
        boolean loaded;
        try {
            loaded = store.load();
        } catch (RuntimeException e) {
            servers.shutdown();
            throw e;
        }
        if (!loaded) {
            servers.shutdown();
            throw new IllegalStateException("the message store under " + storeConfig.getStorePathRootDir()
                + " could not be loaded");
        }

        Path configDir = Path.of(storeConfig.getStorePathRootDir(), "config");
        topics = new TopicConfigManager(config, configDir);
        topics.load();
        SubscriptionGroupManager groups = new SubscriptionGroupManager(config.isAutoCreateSubscriptionGroup(),
            configDir);
        groups.load();
        offsets = new ConsumerOffsetManager(configDir);
        offsets.load();
        store.start();
        try {
            store.startReplication();
        } catch (RuntimeException e) {
            store.shutdown();
            servers.shutdown();
            throw new IllegalStateException("cannot start replication: " + e.getMessage(), e);
        }
        int haPort = store.haListenPort() > 0 ? store.haListenPort() : port + 1;

        BrokerStats brokerStats = new BrokerStats(store.getStats(), config.getBrokerClusterName());
        ConsumerRegistry consumers = new ConsumerRegistry(new ConsumerIdsChangeNotifier(this::sendOneway, groups,
            config.isNotifyConsumerIdsChangedEnable()));
        ProducerRegistry producers = new ProducerRegistry();
        ChannelEventListener channelListener = new ChannelEventListener() {
            @Override
            public void onChannelConnect(String remoteAddress, Channel channel) {
                connections.incrementAndGet();
            }

            @Override
            public void onChannelClose(String remoteAddress, Channel channel) {
                connections.decrementAndGet();
                consumers.channelClosed(channel);
                producers.channelClosed(channel);
            }
        };
        servers.setChannelEventListener(channelListener);

        ExecutorService sendPool = executors.create("SendMessageThread", config.getSendMessageThreadPoolNums(), 10000);
        ExecutorService pullPool = executors.create("PullMessageThread", config.getPullMessageThreadPoolNums(),
            100000);
        ExecutorService queryPool = executors.create("QueryMessageThread", 8, 20000);
        ExecutorService adminPool = executors.create("AdminBrokerThread", config.getAdminBrokerThreadPoolNums(),
            10000);
        ExecutorService clientPool = executors.create("ClientManageThread", config.getClientManageThreadPoolNums(),
            50000);
        ExecutorService consumerPool = executors.create("ConsumerManageThread",
            config.getConsumerManageThreadPoolNums(), 100000);

        PutTimeRewriter rewriter = new PutTimeRewriter(delayLevels);
        SendMessageProcessor send = new SendMessageProcessor(config, store, storeConfig.getMaxMessageSize(), topics,
            groups, rewriter, storeHost);
        register(send, sendPool, RequestCode.SEND_MESSAGE, RequestCode.SEND_MESSAGE_V2,
            RequestCode.SEND_BATCH_MESSAGE);
        register(new ConsumerSendMsgBackProcessor(config, store, topics, groups, rewriter, brokerStats), sendPool,
            RequestCode.CONSUMER_SEND_MSG_BACK);

        DelayOffsetTable delayOffsets = new DelayOffsetTable(configDir);
        delayOffsets.load();
        scheduleService = new ScheduleMessageService(store, delayLevels, delayOffsets,
            storeConfig.getFlushDelayOffsetInterval());
        if (config.getBrokerRole() != org.rocketmqhm.core.store.config.BrokerRole.SLAVE) {
            scheduleService.start();
        }
        register(new DelayOffsetProcessor(delayOffsets), adminPool, RequestCode.GET_ALL_DELAY_OFFSET);

        TransactionOutcomes transactionOutcomes = new TransactionOutcomes();
        if (config.getBrokerRole() != org.rocketmqhm.core.store.config.BrokerRole.SLAVE) {
            TransactionOutcomesLoader.load(store, transactionOutcomes, TRANSACTION_OUTCOMES_LOADED_AT_START);
        }
        register(new EndTransactionProcessor(store, topics, rewriter, config.getBrokerRole(), transactionOutcomes),
            sendPool, RequestCode.END_TRANSACTION);
        ClientInvoker clientInvoker = new ClientInvoker() {
            @Override
            public java.util.concurrent.CompletableFuture<RemotingCommand> invoke(Channel channel,
                                                                               RemotingCommand request,
                                                                               long timeoutMillis) {
                return servers.invokeAsync(channel, request, timeoutMillis);
            }

            @Override
            public void invokeOneway(Channel channel, RemotingCommand request) {
                sendOneway(channel, request);
            }
        };
        register(new ConsumerControlProcessor(config.getBrokerName(), consumers, offsets, topics, store,
            clientInvoker), adminPool, RequestCode.INVOKE_BROKER_TO_RESET_OFFSET,
            RequestCode.INVOKE_BROKER_TO_GET_CONSUMER_STATUS, RequestCode.GET_CONSUMER_RUNNING_INFO,
            RequestCode.CONSUME_MESSAGE_DIRECTLY);
        register(new ReplyMessageProcessor(config, store, topics, producers, clientInvoker, storeHost),
            sendPool, RequestCode.SEND_REPLY_MESSAGE, RequestCode.SEND_REPLY_MESSAGE_V2);
        transactionCheckService = new TransactionalMessageCheckService(config, store, offsets, topics, producers,
            this::sendOneway, transactionOutcomes, storeConfig.getFileReservedTime());
        if (config.getBrokerRole() != org.rocketmqhm.core.store.config.BrokerRole.SLAVE) {
            transactionCheckService.start();
        }

        PullMessageProcessor pull = new PullMessageProcessor(config, store, topics, groups, consumers, offsets,
            pullPool, brokerStats);
        holdService = new PullRequestHoldService(store::getMaxOffsetInQueue, pull::wake,
            config.isLongPollingEnable() ? 5000 : config.getShortPollingTimeMills());
        pull.setHoldService(holdService);
        if (config.isLongPollingEnable()) {
            store.addArrivalListener(holdService);
        }
        holdService.start();
        register(pull, pullPool, RequestCode.PULL_MESSAGE, RequestCode.LITE_PULL_MESSAGE);

        register(new ConsumerManageProcessor(offsets, consumers, store), consumerPool,
            RequestCode.QUERY_CONSUMER_OFFSET, RequestCode.UPDATE_CONSUMER_OFFSET,
            RequestCode.GET_CONSUMER_LIST_BY_GROUP);
        register(new ClientManageProcessor(config, consumers, producers, groups, topics), clientPool,
            RequestCode.HEART_BEAT, RequestCode.UNREGISTER_CLIENT, RequestCode.CHECK_CLIENT_CONFIG);
        register(new QueueQueryProcessor(store), queryPool, RequestCode.GET_MAX_OFFSET, RequestCode.GET_MIN_OFFSET,
            RequestCode.GET_EARLIEST_MSG_STORETIME, RequestCode.SEARCH_OFFSET_BY_TIMESTAMP,
            RequestCode.VIEW_MESSAGE_BY_ID);
        register(new QueryMessageProcessor(store, config.getDefaultQueryMaxNum()), queryPool,
            RequestCode.QUERY_MESSAGE, RequestCode.DELETE_EXPIRED_COMMITLOG);
        register(new QueueLockProcessor(new QueueLockManager(config.getMaxLockLiveTime())), adminPool,
            RequestCode.LOCK_BATCH_MQ, RequestCode.UNLOCK_BATCH_MQ);
        register(new TopicAdminProcessor(config, topics, offsets, store), adminPool,
            RequestCode.UPDATE_AND_CREATE_TOPIC, RequestCode.GET_ALL_TOPIC_CONFIG, RequestCode.GET_TOPIC_STATS_INFO,
            RequestCode.DELETE_TOPIC_IN_BROKER, RequestCode.GET_SYSTEM_TOPIC_LIST_FROM_BROKER,
            RequestCode.CLEAN_UNUSED_TOPIC, RequestCode.CLEAN_EXPIRED_CONSUMEQUEUE);
        register(new ConsumerAdminProcessor(config.getBrokerName(), consumers, producers, offsets, topics, store),
            adminPool, RequestCode.GET_CONSUME_STATS, RequestCode.GET_CONSUMER_CONNECTION_LIST,
            RequestCode.GET_PRODUCER_CONNECTION_LIST, RequestCode.QUERY_TOPIC_CONSUME_BY_WHO,
            RequestCode.GET_ALL_CONSUMER_OFFSET, RequestCode.GET_ALL_PRODUCER_INFO);
        register(new ConsumeProgressProcessor(config.getBrokerName(), brokerAddr, consumers, offsets, topics, groups,
            store, brokerStats), adminPool, RequestCode.QUERY_CONSUME_TIME_SPAN, RequestCode.QUERY_CORRECTION_OFFSET,
            RequestCode.CLONE_GROUP_OFFSET, RequestCode.GET_BROKER_CONSUME_STATS);
        register(new ConsumeQueueInspectProcessor(store, consumers), adminPool, RequestCode.QUERY_CONSUME_QUEUE);
        register(new TransactionAdminProcessor(store), adminPool, RequestCode.RESUME_CHECK_HALF_MESSAGE);
        register(new BrokerStatsProcessor(brokerStats), adminPool, RequestCode.VIEW_BROKER_STATS_DATA);
        register(new SubscriptionGroupAdminProcessor(groups, offsets), adminPool,
            RequestCode.UPDATE_AND_CREATE_SUBSCRIPTIONGROUP, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG,
            RequestCode.DELETE_SUBSCRIPTIONGROUP);
        ThreadPoolQueueGauges poolGauges = new ThreadPoolQueueGauges().add("send", sendPool).add("pull", pullPool)
            .add("litePull", pullPool).add("query", queryPool);
        register(new BrokerAdminProcessor(config, storeConfig, store, topics, brokerStats, poolGauges), adminPool,
            RequestCode.GET_BROKER_RUNTIME_INFO, RequestCode.GET_BROKER_CONFIG, RequestCode.UPDATE_BROKER_CONFIG);
        register(new AclAdminProcessor(acl, config.getBrokerClusterName(), config.getBrokerName(), brokerAddr),
            adminPool, RequestCode.UPDATE_AND_CREATE_ACL_CONFIG, RequestCode.DELETE_ACL_CONFIG,
            RequestCode.GET_BROKER_CLUSTER_ACL_INFO, RequestCode.UPDATE_GLOBAL_WHITE_ADDRS_CONFIG,
            RequestCode.GET_BROKER_CLUSTER_ACL_CONFIG);

        namesrvClient = new NettyRemotingClient(new NettyClientConfig());
        registrar = new NameServerRegistrar(config, topics, namesrvClient, brokerAddr,
            config.getBrokerIP2() + ":" + haPort);
        topics.addChangeListener(changed -> registrar.registerAll());

        scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "BrokerScheduler");
            t.setDaemon(true);
            return t;
        });
        brokerStats.start(scheduler);
        if (acl != null) {
            acl.watch(scheduler, ACL_RELOAD_PERIOD_MILLIS);
        }
        scheduler.scheduleWithFixedDelay(() -> safely("register broker", registrar::registerAll),
            config.getRegisterNameServerPeriod(), config.getRegisterNameServerPeriod(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> safely("persist consumer offsets", offsets::persist),
            config.getFlushConsumerOffsetInterval(), config.getFlushConsumerOffsetInterval(), TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> safely("expire clients", () -> {
            consumers.expire(config.getChannelExpiredTimeout());
            producers.expire(config.getChannelExpiredTimeout());
        }), 10, 10, TimeUnit.SECONDS);

        if (config.getBrokerRole() == BrokerRole.SLAVE) {
            SlaveMetadataSync sync = new SlaveMetadataSync(namesrvClient, topics, offsets, delayOffsets, groups,
                adminPool);
            slaveSync = sync;
            boolean haConfigured = storeConfig.getHaMasterAddress() != null
                && !storeConfig.getHaMasterAddress().isBlank();
            registrar.setResponseListener(h -> {
                if (!haConfigured) {
                    store.updateHaMasterAddress(h.haServerAddr());
                }
                if (sync.updateMasterAddr(h.masterAddr())) {
                    sync.syncAll();
                }
            });
            scheduler.scheduleWithFixedDelay(() -> safely("sync metadata from master", sync::syncAll),
                3000, 10000, TimeUnit.MILLISECONDS);
        }
        registrar.registerAll().orTimeout(config.getRegisterBrokerTimeoutMills(), TimeUnit.MILLISECONDS)
            .exceptionally(e -> null).join();
        running = true;
        log.info("broker {} of cluster {} started at {} (name servers: {})", config.getBrokerName(),
            config.getBrokerClusterName(), brokerAddr, config.namesrvAddressList());
    }

    private void register(org.rocketmqhm.core.remoting.RequestProcessor processor, Executor executor, int... codes) {
        servers.register(processor, executor, codes);
    }

    private void sendOneway(Channel channel, RemotingCommand request) {
        if (channel.isActive()) {
            servers.invokeOneway(channel, request);
        }
    }

    private static void safely(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("{} failed", what, e);
        }
    }

    /** Stops accepting, unregisters from the name servers, flushes offsets and closes the store. */
    public synchronized void shutdown() {
        if (!running) {
            return;
        }
        running = false;
        scheduler.shutdownNow();
        registrar.unregisterAll();
        holdService.shutdown();
        servers.shutdown();
        scheduleService.shutdown();
        transactionCheckService.shutdown();
        executors.shutdown();
        namesrvClient.shutdown();
        offsets.persist();
        store.shutdown();
        log.info("broker {} stopped", config.getBrokerName());
    }

    /** @return the bound port (useful when configured with 0) */
    public int listenPort() {
        return servers.localPort();
    }

    /** @return {@code brokerIP1:port} */
    public String address() {
        return config.getBrokerIP1() + ":" + listenPort();
    }

    public boolean isRunning() {
        return running;
    }

    public BrokerConfig config() {
        return config;
    }

    /** @return the message store for read-only use (health, statistics, offsets); null before start @since 0.2.0 */
    public FileMessageStore store() {
        return store;
    }

    /**
     * @return name server address to the wall-clock time (ms) of its last accepted registration (absent: never)
     * @since 0.2.0
     */
    public Map<String, Long> lastRegistrations() {
        NameServerRegistrar r = registrar;
        return r == null ? Map.of() : r.lastSuccessfulRegistrations();
    }

    /** @return client connections currently open to the broker port @since 0.2.0 */
    public int connectionCount() {
        return connections.get();
    }

    /** @return pull requests parked by long polling @since 0.2.0 */
    public int parkedPullCount() {
        PullRequestHoldService h = holdService;
        return h == null ? 0 : h.heldCount();
    }

    /**
     * @return committed consumer offsets as {@code topic@group -> queueId -> offset} (copy); empty before start
     * @since 0.2.0
     */
    public Map<String, Map<Integer, Long>> committedOffsets() {
        ConsumerOffsetManager o = offsets;
        return o == null ? Map.of() : new HashMap<>(o.snapshot().offsetTable());
    }

    /**
     * @return replication state: on a master the connected slaves and their acks, on a slave the master's HA
     *     address, whether it is connected and the last contact time; {@link ReplicationState#NONE} before start
     * @since 0.3.0
     */
    public ReplicationState replicationState() {
        FileMessageStore s = store;
        return s == null ? ReplicationState.NONE : s.replicationState();
    }

    /** @return a slave's master broker address as learned from the name server (null on a master) @since 0.3.0 */
    public String masterAddress() {
        SlaveMetadataSync s = slaveSync;
        return s == null ? null : s.masterAddr();
    }

    public MessageStoreConfig storeConfig() {
        return storeConfig;
    }
}
