package org.rocketmqhm.core.broker.processor;

import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.broker.stats.BrokerStats;
import org.rocketmqhm.core.broker.stats.StatsItem;
import org.rocketmqhm.core.broker.stats.ThreadPoolQueueGauges;
import org.rocketmqhm.core.common.config.ConfigBinder;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.KVTable;
import org.rocketmqhm.core.protocol.header.GetBrokerConfigResponseHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RemotingCommandException;
import org.rocketmqhm.core.remoting.RemotingContext;
import org.rocketmqhm.core.remoting.RequestProcessor;
import org.rocketmqhm.core.store.MessageStore;
import org.rocketmqhm.core.store.StoreStats;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Broker-level administration: GET_BROKER_RUNTIME_INFO (28, KVTable), GET_BROKER_CONFIG (26, properties text) and
 * UPDATE_BROKER_CONFIG (25, applied in memory to the broker settings). Rates and daily totals of the runtime
 * info come from {@link BrokerStats}, request-pool queue gauges from {@link ThreadPoolQueueGauges}. Thread-safe.
 *
 * @since 0.1.0
 */
public final class BrokerAdminProcessor implements RequestProcessor {

    private final BrokerConfig config;
    private final MessageStoreConfig storeConfig;
    private final MessageStore store;
    private final TopicConfigManager topics;
    private final BrokerStats stats;
    private final ThreadPoolQueueGauges poolGauges;
    private final long bootTimestamp = System.currentTimeMillis();

    public BrokerAdminProcessor(BrokerConfig config, MessageStoreConfig storeConfig, MessageStore store,
                                TopicConfigManager topics, BrokerStats stats) {
        this(config, storeConfig, store, topics, stats, new ThreadPoolQueueGauges());
    }

    /** @param poolGauges queue gauges of the request pools, reported in the runtime info */
    public BrokerAdminProcessor(BrokerConfig config, MessageStoreConfig storeConfig, MessageStore store,
                                TopicConfigManager topics, BrokerStats stats, ThreadPoolQueueGauges poolGauges) {
        this.poolGauges = poolGauges;
        this.config = config;
        this.storeConfig = storeConfig;
        this.store = store;
        this.topics = topics;
        this.stats = stats;
    }

    @Override
    public RemotingCommand process(RemotingContext context, RemotingCommand request) throws RemotingCommandException {
        return switch (request.getCode()) {
            case RequestCode.GET_BROKER_RUNTIME_INFO -> RemotingCommand.response(ResponseCode.SUCCESS, null)
                .setBody(RemotingJson.encode(new KVTable(runtimeInfo())));
            case RequestCode.GET_BROKER_CONFIG -> getConfig();
            case RequestCode.UPDATE_BROKER_CONFIG -> updateConfig(request);
            default -> throw new RemotingCommandException(ResponseCode.REQUEST_CODE_NOT_SUPPORTED,
                " request type " + request.getCode() + " not supported");
        };
    }

    private Map<String, String> runtimeInfo() {
        StoreStats storeStats = store.getStats();
        long now = System.currentTimeMillis();
        BrokerStats.DailyTotals daily = stats.daily();
        Map<String, String> kv = new HashMap<>();
        kv.put("brokerVersionDesc", "V4_9_8");
        kv.put("brokerVersion", "409");
        kv.put("msgPutTotalYesterdayMorning", String.valueOf(daily.putYesterdayMorning()));
        kv.put("msgPutTotalTodayMorning", String.valueOf(daily.putTodayMorning()));
        kv.put("msgPutTotalTodayNow", String.valueOf(stats.brokerPut().counter().value()));
        kv.put("msgGetTotalYesterdayMorning", String.valueOf(daily.getYesterdayMorning()));
        kv.put("msgGetTotalTodayMorning", String.valueOf(daily.getTodayMorning()));
        kv.put("msgGetTotalTodayNow", String.valueOf(stats.brokerGet().counter().value()));
        kv.put("putTps", tps(stats.brokerPut(), null));
        kv.put("getFoundTps", tps(stats.getFound(), null));
        kv.put("getMissTps", tps(stats.getMiss(), null));
        kv.put("getTotalTps", tps(stats.getFound(), stats.getMiss()));
        kv.put("getTransferedTps", tps(stats.brokerGet(), null));
        kv.put("putMessageTimesTotal", String.valueOf(storeStats.putMessageTimes()));
        kv.put("putMessageSizeTotal", String.valueOf(storeStats.putMessageBytes()));
        kv.put("putMessageFailedTimes", String.valueOf(storeStats.putFailures()));
        kv.put("getMessageTimesTotalFound", String.valueOf(storeStats.getFoundTimes()));
        kv.put("getMessageTimesTotalMiss", String.valueOf(storeStats.getMissTimes()));
        kv.put("earliestMessageTimeStamp", String.valueOf(earliestMessageTime()));
        double diskRatio = store.getHealth().diskUsedRatio();
        if (diskRatio >= 0) {
            kv.put("commitLogDiskRatio", String.valueOf(diskRatio));
        }
        double queueDiskRatio = usedRatio(new File(storeConfig.getStorePathRootDir(), "consumequeue"));
        if (queueDiskRatio >= 0) {
            kv.put("consumeQueueDiskRatio", String.valueOf(queueDiskRatio));
        }
        long puts = storeStats.putMessageTimes();
        kv.put("putMessageAverageSize", String.valueOf(puts == 0 ? 0.0 : (double) storeStats.putMessageBytes() / puts));
        kv.put("commitLogMinOffset", String.valueOf(store.getMinPhyOffset()));
        kv.put("commitLogMaxOffset", String.valueOf(store.getMaxPhyOffset()));
        kv.put("dispatchBehindBytes", String.valueOf(store.dispatchBehindBytes()));
        kv.put("commitLogDirCapacity", capacity(storeConfig.getStorePathRootDir()));
        kv.put("bootTimestamp", String.valueOf(bootTimestamp));
        kv.put("runtime", runtime(now - bootTimestamp));
        kv.put("startAcceptSendRequestTimeStamp", String.valueOf(config.getStartAcceptSendRequestTimeStamp()));
        kv.put("pageCacheLockTimeMills", "0");
        kv.put("remainTransientStoreBufferNumbs", "0");
        kv.put("brokerActive", "true");
        kv.put("topicConfigDataVersion", RemotingJson.toJson(topics.dataVersion()));
        kv.putAll(poolGauges.snapshot());
        return kv;
    }

    /** @return rates over the last 10 s, 60 s and 600 s, as "a b c" with two decimals (of a + b when b is set) */
    private static String tps(StatsItem a, StatsItem b) {
        long[] windows = {10_000, 60_000, 600_000};
        StringBuilder out = new StringBuilder();
        for (long w : windows) {
            double v = a.tpsOver(w) + (b == null ? 0 : b.tpsOver(w));
            out.append(out.length() == 0 ? "" : " ").append(String.format(java.util.Locale.ROOT, "%.2f", v));
        }
        return out.toString();
    }

    private long earliestMessageTime() {
        long min = store.getMinPhyOffset();
        if (min >= store.getMaxPhyOffset()) {
            return -1;
        }
        org.rocketmqhm.core.common.message.MessageExt first = store.lookMessageByOffset(min);
        return first == null ? -1 : first.getStoreTimestamp();
    }

    /**
     * @return (total - free) / total of the file system holding {@code dir} or its nearest existing parent, as the
     *     commit-log ratio is computed; -1 if unknown
     */
    private static double usedRatio(File dir) {
        File existing = dir;
        while (existing != null && !existing.exists()) {
            existing = existing.getParentFile();
        }
        if (existing == null || existing.getTotalSpace() <= 0) {
            return -1;
        }
        return (double) (existing.getTotalSpace() - existing.getFreeSpace()) / existing.getTotalSpace();
    }

    private static String capacity(String dir) {
        File file = new File(dir);
        double gib = 1024.0 * 1024 * 1024;
        return String.format("Total : %.2f GiB, Free : %.2f GiB.", file.getTotalSpace() / gib,
            file.getFreeSpace() / gib);
    }

    private static String runtime(long millis) {
        long seconds = millis / 1000;
        return "[ " + seconds / 86400 + " days, " + seconds % 86400 / 3600 + " hours, " + seconds % 3600 / 60
            + " minutes, " + seconds % 60 + " seconds ]";
    }

    private RemotingCommand getConfig() {
        StringBuilder text = new StringBuilder();
        Map<String, String> all = new java.util.TreeMap<>(ConfigBinder.describe(storeConfig));
        all.putAll(ConfigBinder.describe(config));
        // read by mqadmin exportConfigs, which fails on a missing key: legacy filter servers (none) and the
        // broker's outgoing TLS switch (Apache's NettyClientConfig, from -Dtls.enable)
        all.putIfAbsent("filterServerNums", "0");
        all.putIfAbsent("useTLS", String.valueOf(Boolean.getBoolean("tls.enable")));
        // mqadmin exportMetrics reports it as the broker's cpuNum (Apache's NettyClientConfig default)
        all.putIfAbsent("clientCallbackExecutorThreads", String.valueOf(Runtime.getRuntime().availableProcessors()));
        all.forEach((k, v) -> text.append(k).append('=').append(v).append('\n'));
        return RemotingCommand.response(ResponseCode.SUCCESS, null)
            .writeHeader(new GetBrokerConfigResponseHeader(RemotingJson.toJson(topics.dataVersion())))
            .setBody(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    private RemotingCommand updateConfig(RemotingCommand request) {
        if (request.getBody() == null) {
            return RemotingCommand.response(ResponseCode.SUCCESS, null);
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(new String(request.getBody(), StandardCharsets.UTF_8)));
            synchronized (config) {
                ConfigBinder.bind(properties, config, storeConfig);
            }
        } catch (IOException | IllegalArgumentException e) {
            return RemotingCommand.response(ResponseCode.SYSTEM_ERROR, e.getMessage());
        }
        return RemotingCommand.response(ResponseCode.SUCCESS, null);
    }
}
