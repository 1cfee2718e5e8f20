package org.rocketmqhm.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.rocketmqhm.core.common.message.MessageDecoder;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.store.config.MessageStoreConfig;

/** Helpers shared by the store tests: small files, message builder, bounded waits. */
final class StoreTestSupport {

    static final InetSocketAddress HOST = new InetSocketAddress("127.0.0.1", 10911);

    private StoreTestSupport() {
    }

    static MessageStoreConfig config(Path dir) {
        MessageStoreConfig c = new MessageStoreConfig();
        c.setStorePathRootDir(dir.toString());
        c.setMapedFileSizeCommitLog(64 * 1024);
        c.setMappedFileSizeConsumeQueue(100 * 20);
        c.setMaxHashSlotNum(1000);
        c.setMaxIndexNum(4000);
        return c;
    }

    static FileMessageStore open(MessageStoreConfig c) {
        FileMessageStore s = new FileMessageStore(c, HOST, null);
        assertThat(s.load()).isTrue();
        s.start();
        return s;
    }

    static StoreMessage msg(String topic, int queueId, String keys, String body) {
        StoreMessage m = new StoreMessage();
        m.setTopic(topic);
        m.setQueueId(queueId);
        m.setBody(body.getBytes(StandardCharsets.UTF_8));
        if (keys != null) {
            m.setKeys(keys);
        }
        m.setBornTimestamp(System.currentTimeMillis());
        m.setBornHost(new InetSocketAddress("127.0.0.1", 5555));
        return m;
    }

    static void awaitDispatched(FileMessageStore s) {
        await().atMost(Duration.ofSeconds(5)).until(() -> s.dispatchBehindBytes() == 0);
    }

    static MessageExt decode(ByteBuffer rec) {
        return MessageDecoder.decode(rec.duplicate(), true, false);
    }

    static String body(ByteBuffer rec) {
        return new String(decode(rec).getBody(), StandardCharsets.UTF_8);
    }
}
