package org.rocketmqhm.core.broker.transaction;

import io.netty.channel.Channel;
import org.rocketmqhm.core.broker.client.ClientChannel;
import org.rocketmqhm.core.broker.client.ProducerRegistry;
import org.rocketmqhm.core.broker.config.BrokerConfig;
import org.rocketmqhm.core.broker.offset.ConsumerOffsetManager;
import org.rocketmqhm.core.broker.topic.TopicConfigManager;
import org.rocketmqhm.core.common.message.MessageConst;
import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.common.message.MessageEncoder;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.protocol.PermName;
import org.rocketmqhm.core.protocol.RequestCode;
import org.rocketmqhm.core.protocol.SystemTopics;
import org.rocketmqhm.core.protocol.header.CheckTransactionStateRequestHeader;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.store.GetMessageResult;
import org.rocketmqhm.core.store.GetMessageStatus;
import org.rocketmqhm.core.store.MessageFilter;
import org.rocketmqhm.core.store.MessageStore;
import org.rocketmqhm.core.store.PutResult;
import org.rocketmqhm.core.store.StoreMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * Checks back undecided half messages (section 5.9) every {@code transactionCheckInterval}. One run:
 * <ol>
 *   <li>reads the op records of {@code RMQ_SYS_TRANS_OP_HALF_TOPIC} from the op consume offset of group
 *       {@code CID_RMQ_SYS_TRANS} (half queue offsets already decided);</li>
 *   <li>walks {@code RMQ_SYS_TRANS_HALF_TOPIC} queue 0 from the group's half consume offset, per message:
 *     <ul>
 *       <li>decided (an op record for its offset, or another copy of its transaction decided, see
 *           {@link TransactionOutcomes}): skipped;</li>
 *       <li>checked {@code transactionCheckMax} times, or born more than {@code fileReservedTime} hours ago:
 *           discarded to {@code TRANS_CHECK_MAX_TIME_TOPIC};</li>
 *       <li>stored after the run began: the walk stops;</li>
 *       <li>with {@code CHECK_IMMUNITY_TIME_IN_SECONDS} and younger (by born time) than it: deferred, i.e.
 *           re-appended with {@code TRAN_PREPARED_QUEUE_OFFSET} = the half offset it was prepared at (skipped
 *           instead when that offset is decided), and the walk goes on;</li>
 *       <li>without it and younger than {@code transactionTimeOut}: the walk stops;</li>
 *       <li>a copy made by an earlier check, stored less than {@code transactionTimeOut} ago (the producer may
 *           still be answering): the walk stops;</li>
 *       <li>otherwise re-appended with {@code TRANSACTION_CHECK_TIMES + 1} and CHECK_TRANSACTION_STATE is sent
 *           oneway to one live channel of its {@code PGROUP} producer group with the offsets of the copy;</li>
 *     </ul></li>
 *   <li>commits the new half offset and the op offset (advanced over op records whose half offset is behind the
 *       new half offset) as consumer offsets, so progress survives a restart.</li>
 * </ol>
 * Runs on its own single thread; not re-entrant.
 *
 * @since 0.1.0
 */
public final class TransactionalMessageCheckService {

    private static final Logger log = LoggerFactory.getLogger(TransactionalMessageCheckService.class);
    private static final String GROUP = SystemTopics.TRANS_SYSTEM_GROUP;
    private static final int BATCH = 32;
    private static final int MAX_OPS_PER_RUN = 100_000;
    private static final long MAX_RUN_MILLIS = 60_000;

    private final BrokerConfig config;
    private final MessageStore store;
    private final ConsumerOffsetManager offsets;
    private final TopicConfigManager topics;
    private final ProducerRegistry producers;
    private final BiConsumer<Channel, RemotingCommand> oneway;
    private final TransactionOutcomes outcomes;
    private final int fileReservedHours;
    private ScheduledExecutorService timer;

    /**
     * @param fileReservedHours the commit-log retention ({@code fileReservedTime}): older half messages are
     *     discarded instead of checked
     */
    public TransactionalMessageCheckService(BrokerConfig config, MessageStore store, ConsumerOffsetManager offsets,
                                            TopicConfigManager topics, ProducerRegistry producers,
                                            BiConsumer<Channel, RemotingCommand> oneway,
                                            TransactionOutcomes outcomes, int fileReservedHours) {
        this.outcomes = outcomes;
        this.fileReservedHours = fileReservedHours;
        this.config = config;
        this.store = store;
        this.offsets = offsets;
        this.topics = topics;
        this.producers = producers;
        this.oneway = oneway;
    }

    public synchronized void start() {
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "TransactionalMessageCheckService");
            t.setDaemon(true);
            return t;
        });
        long interval = config.getTransactionCheckInterval();
        timer.scheduleWithFixedDelay(() -> {
            try {
                check();
            } catch (RuntimeException e) {
                log.warn("transaction check run failed", e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    public synchronized void shutdown() {
        if (timer != null) {
            timer.shutdownNow();
            try {
                timer.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One check run (public for tests and manual triggering). */
    public void check() {
        String half = SystemTopics.TRANS_HALF_TOPIC;
        if (topics.get(half) == null) {
            return;
        }
        long runStart = System.currentTimeMillis();
        long halfOffset = startOffset(half);
        long opOffset = startOffset(SystemTopics.TRANS_OP_HALF_TOPIC);
        TreeMap<Long, Long> ops = readOps(opOffset); // op queue offset -> half queue offset
        java.util.Set<Long> decided = new java.util.HashSet<>(ops.values());
        long reservedMillis = TimeUnit.HOURS.toMillis(fileReservedHours);

        long offset = halfOffset;
        long max = store.getMaxOffsetInQueue(half, 0);
        walk:
        while (offset < max && System.currentTimeMillis() - runStart < MAX_RUN_MILLIS) {
            GetMessageResult result = store.getMessage(GROUP, half, 0, offset, BATCH, 0, MessageFilter.ALL);
            if (result.status() != GetMessageStatus.FOUND) {
                if (result.nextBeginOffset() > offset) {
                    offset = result.nextBeginOffset();
                    continue;
                }
                break;
            }
            for (int i = 0; i < result.messageCount(); i++) {
                long queueOffset = result.queueOffsets().get(i);
                if (decided.contains(queueOffset)) {
                    offset = queueOffset + 1;
                    continue;
                }
                MessageExt msg = MessageDecoder.decode(result.messages().get(i).duplicate(), true, false);
                msg.setQueueOffset(queueOffset);
                if (outcomes.isDecided(msg)) {
                    offset = queueOffset + 1; // another copy of this transaction was committed or rolled back
                    continue;
                }
                int checkTimes = HalfMessages.checkTimes(msg);
                long age = runStart - msg.getBornTimestamp();
                if (checkTimes >= config.getTransactionCheckMax() || age > reservedMillis) {
                    discard(msg);
                    offset = queueOffset + 1;
                    continue;
                }
                if (msg.getStoreTimestamp() >= runStart) {
                    break walk;
                }
                String immunity = msg.getProperty(MessageConst.PROPERTY_CHECK_IMMUNITY_TIME_IN_SECONDS);
                if (immunity != null) {
                    if (age < immunityMillis(immunity)) {
                        if (!defer(msg, decided)) {
                            break walk;
                        }
                        offset = queueOffset + 1;
                        continue;
                    }
                } else if (age >= 0 && age < config.getTransactionTimeOut()) {
                    break walk;
                }
                if (checkTimes > 0 && runStart - msg.getStoreTimestamp() < config.getTransactionTimeOut()) {
                    break walk; // checked less than transactionTimeOut ago: its answer may still be on its way
                }
                if (!reappendAndCheck(msg, checkTimes + 1)) {
                    break walk;
                }
                offset = queueOffset + 1;
            }
        }
        if (offset != halfOffset) {
            offsets.commit(GROUP, half, 0, offset);
        }
        long newOpOffset = opOffset;
        for (Map.Entry<Long, Long> op : ops.entrySet()) {
            if (op.getKey() != newOpOffset || op.getValue() >= offset) {
                break;
            }
            newOpOffset = op.getKey() + 1;
        }
        if (newOpOffset != opOffset) {
            offsets.commit(GROUP, SystemTopics.TRANS_OP_HALF_TOPIC, 0, newOpOffset);
        }
    }

    private long startOffset(String topic) {
        long committed = offsets.query(GROUP, topic, 0);
        return committed >= 0 ? committed : store.getMinOffsetInQueue(topic, 0);
    }

    private TreeMap<Long, Long> readOps(long from) {
        TreeMap<Long, Long> ops = new TreeMap<>();
        String topic = SystemTopics.TRANS_OP_HALF_TOPIC;
        long max = store.getMaxOffsetInQueue(topic, 0);
        long offset = from;
        while (offset < max && ops.size() < MAX_OPS_PER_RUN) {
            GetMessageResult result = store.getMessage(GROUP, topic, 0, offset, BATCH, 0, MessageFilter.ALL);
            if (result.status() != GetMessageStatus.FOUND) {
                if (result.nextBeginOffset() > offset) {
                    offset = result.nextBeginOffset();
                    continue;
                }
                break;
            }
            for (int i = 0; i < result.messageCount(); i++) {
                MessageExt op = MessageDecoder.decode(result.messages().get(i).duplicate(), true, false);
                if (HalfMessages.OP_TAG.equals(op.getTags())) {
                    try {
                        ops.put(result.queueOffsets().get(i),
                            Long.parseLong(new String(op.getBody(), StandardCharsets.UTF_8).trim()));
                    } catch (NumberFormatException e) {
                        log.warn("ignoring malformed op record at {}", result.queueOffsets().get(i));
                    }
                }
            }
            offset = result.nextBeginOffset();
        }
        return ops;
    }

    /** @return the per-message immunity in ms; {@code transactionTimeOut} when the value is not a number */
    private long immunityMillis(String seconds) {
        try {
            return Long.parseLong(seconds.trim()) * 1000;
        } catch (NumberFormatException e) {
            return config.getTransactionTimeOut();
        }
    }

    /**
     * Defers a half message still within its CHECK_IMMUNITY_TIME_IN_SECONDS: nothing to do when the half offset it
     * was prepared at ({@code TRAN_PREPARED_QUEUE_OFFSET}, set on deferred copies) is already decided, otherwise
     * it is re-appended unchanged but for {@code TRAN_PREPARED_QUEUE_OFFSET}, so that the walk can go on.
     *
     * @return false when the copy could not be stored (the run stops here)
     */
    private boolean defer(MessageExt msg, java.util.Set<Long> decided) {
        String prepared = msg.getProperty(MessageConst.PROPERTY_TRANSACTION_PREPARED_QUEUE_OFFSET);
        long preparedOffset = msg.getQueueOffset();
        if (prepared != null) {
            try {
                preparedOffset = Long.parseLong(prepared.trim());
            } catch (NumberFormatException e) {
                preparedOffset = -1;
            }
            if (decided.contains(preparedOffset)) {
                return true;
            }
        }
        PutResult put = store.putMessage(HalfMessages.deferred(msg, preparedOffset)).join();
        if (!put.isOk()) {
            log.warn("re-append of immune half message {} failed: {}", msg.getUniqKey(), put.status());
            return false;
        }
        return true;
    }

    private void discard(MessageExt msg) {
        topics.createIfAbsent(SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, 1, PermName.PERM_READ | PermName.PERM_WRITE);
        PutResult put = store.putMessage(HalfMessages.discarded(msg)).join();
        log.info("transactional message {} checked {} times, discarded to {}: {}", msg.getUniqKey(),
            HalfMessages.checkTimes(msg), SystemTopics.TRANS_CHECK_MAX_TIME_TOPIC, put.status());
    }

    /** @return false when the copy could not be stored (the run stops and retries next time) */
    private boolean reappendAndCheck(MessageExt msg, int checkTimes) {
        StoreMessage copy = HalfMessages.reappended(msg, checkTimes);
        PutResult put = store.putMessage(copy).join();
        if (!put.isOk()) {
            log.warn("re-append of half message {} failed: {}", msg.getUniqKey(), put.status());
            return false;
        }
        copy.setCommitLogOffset(put.physicalOffsets()[0]);
        copy.setQueueOffset(put.logicsOffset());
        copy.setStoreTimestamp(put.storeTimestamp());
        copy.setMsgId(put.msgId(0));
        String group = msg.getProperty(MessageConst.PROPERTY_PRODUCER_GROUP);
        List<ClientChannel> live = new ArrayList<>();
        if (group != null) {
            for (ClientChannel c : producers.members(group)) {
                if (c.channel().isActive()) {
                    live.add(c);
                }
            }
        }
        if (live.isEmpty()) {
            log.debug("no live producer of group {} to check {}", group, msg.getUniqKey());
            return true;
        }
        Channel channel = live.get(ThreadLocalRandom.current().nextInt(live.size())).channel();
        String uniq = msg.getUniqKey();
        RemotingCommand request = RemotingCommand.request(RequestCode.CHECK_TRANSACTION_STATE,
            new CheckTransactionStateRequestHeader(put.logicsOffset(), put.physicalOffsets()[0], uniq, uniq,
                put.msgId(0), null));
        ByteBuffer body = MessageEncoder.encode(HalfMessages.checkView(copy));
        byte[] bytes = new byte[body.remaining()];
        body.get(bytes);
        request.setBody(bytes);
        oneway.accept(channel, request);
        return true;
    }
}
