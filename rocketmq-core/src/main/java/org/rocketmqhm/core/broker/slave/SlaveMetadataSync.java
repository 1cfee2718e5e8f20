package org.rocketmqhm.core.broker.slave;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.rocketmqhm.core.broker.offset.ConsumerOffsetManager;
import org.rocketmqhm.core.broker.schedule.DelayOffsetTable;
import org.rocketmqhm.core.broker.subscription.SubscriptionGroupManager;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.ResponseCode;
import org.rocketmqhm.core.protocol.body.ConsumerOffsetSerializeWrapper;
import org.rocketmqhm.core.protocol.body.DelayOffsetSerializeWrapper;
import org.rocketmqhm.core.protocol.body.SubscriptionGroupWrapper;
import org.rocketmqhm.core.protocol.body.TopicConfigSerializeWrapper;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.netty.NettyRemotingClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A slave's copy of its master's metadata (section 5.4): GET_ALL_TOPIC_CONFIG (21), GET_ALL_CONSUMER_OFFSET (43),
 * GET_ALL_DELAY_OFFSET (45) and GET_ALL_SUBSCRIPTIONGROUP_CONFIG (201) sent to {@code masterAddr}, applied to the
 * local managers. The broker runs {@link #syncAll()} periodically and when it learns a new master address. Calls
 * are asynchronous and results are applied (files written) on {@code applyExecutor}, never on a Netty thread; a
 * failed call only logs. Thread-safe.
 *
 * @since 0.3.0
 */
public final class SlaveMetadataSync {

    private static final Logger log = LoggerFactory.getLogger(SlaveMetadataSync.class);
    private static final long TIMEOUT_MS = 3000;

    private final NettyRemotingClient client;
    private final TopicConfigManager topics;
    private final ConsumerOffsetManager offsets;
    private final DelayOffsetTable delayOffsets;
    private final SubscriptionGroupManager groups;
    private final Executor applyExecutor;
    private volatile String masterAddr;

    public SlaveMetadataSync(NettyRemotingClient client, TopicConfigManager topics, ConsumerOffsetManager offsets,
                             DelayOffsetTable delayOffsets, SubscriptionGroupManager groups, Executor applyExecutor) {
        this.applyExecutor = applyExecutor;
        this.client = client;
        this.topics = topics;
        this.offsets = offsets;
        this.delayOffsets = delayOffsets;
        this.groups = groups;
    }

    /**
     * @param addr the master's broker address ({@code masterAddr} of a REGISTER_BROKER response)
     * @return whether it changed (the caller then syncs at once)
     */
    public boolean updateMasterAddr(String addr) {
        if (addr == null || addr.isBlank() || addr.equals(masterAddr)) {
            return false;
        }
        log.info("master broker address is now {}", addr);
        masterAddr = addr;
        return true;
    }

    public String masterAddr() {
        return masterAddr;
    }

    /** Fetches and applies the four tables; completes when all calls ended (never exceptionally). */
    public CompletableFuture<Void> syncAll() {
        String addr = masterAddr;
        if (addr == null) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.allOf(
            fetch(addr, RequestCode.GET_ALL_TOPIC_CONFIG, TopicConfigSerializeWrapper.class,
                topics::replaceFromMaster),
            fetch(addr, RequestCode.GET_ALL_CONSUMER_OFFSET, ConsumerOffsetSerializeWrapper.class,
                w -> {
                    offsets.putAllFromMaster(w);
                    offsets.persist();
                }),
            fetch(addr, RequestCode.GET_ALL_DELAY_OFFSET, DelayOffsetSerializeWrapper.class,
                delayOffsets::putAllFromMaster),
            fetch(addr, RequestCode.GET_ALL_SUBSCRIPTIONGROUP_CONFIG, SubscriptionGroupWrapper.class,
                groups::replaceFromMaster));
    }

    private <T> CompletableFuture<Void> fetch(String addr, int code, Class<T> type, Consumer<T> apply) {
        return client.invokeAsync(addr, RemotingCommand.request(code), TIMEOUT_MS)
            .handleAsync((response, error) -> {
                if (error != null) {
                    log.debug("metadata sync request {} to master {} failed: {}", code, addr, error.toString());
                } else if (response.getCode() != ResponseCode.SUCCESS) {
                    log.warn("master {} answered {} to metadata request {}: {}", addr, response.getCode(), code,
                        response.getRemark());
                } else if (response.getBody() != null) {
                    try {
                        apply.accept(RemotingJson.decode(response.getBody(), type));
                    } catch (RuntimeException e) {
                        log.warn("cannot apply metadata {} from master {}: {}", code, addr, e.toString());
                    }
                }
                return null;
            }, applyExecutor);
    }
}
