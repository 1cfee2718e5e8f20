package org.rocketmqhm.core.store.log;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.rocketmqhm.core.common.message.MessageEncoder;
import org.rocketmqhm.core.common.message.MessageExt;
import org.rocketmqhm.core.store.TagsCodeResolver;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A process killed while it writes a record leaves a prefix of the writer's stores in the file, the rest zeros.
 * Whatever the cut, recovery must not take the record for a message.
 */
class TornRecordTests {

    /** The encoder writes TOTALSIZE last; a cut anywhere before the end leaves it zero. */
    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void aRecordCutAnywhereByTheWriterIsNeverAMessage(boolean withProperties) {
        byte[] record = encode(withProperties);
        for (int cut = 4; cut < record.length; cut++) {
            ByteBuffer file = ByteBuffer.allocate(record.length + 64);
            file.put(4, record, 4, cut - 4);
            assertThat(RecordCheck.check(file, 0, true, TagsCodeResolver.TAG_HASH).kind())
                .as("cut after byte %d of %d", cut, record.length).isNotEqualTo(RecordCheck.Kind.MESSAGE);
        }
        ByteBuffer whole = ByteBuffer.allocate(record.length + 64).put(0, record);
        RecordCheck complete = RecordCheck.check(whole, 0, true, TagsCodeResolver.TAG_HASH);
        assertThat(complete.kind()).isEqualTo(RecordCheck.Kind.MESSAGE);
        assertThat(complete.request().topic()).isEqualTo("CRASH");
    }

    /**
     * Files written before TOTALSIZE went last hold records cut with TOTALSIZE present: one cut right after the
     * topic length of a record without properties added up, with a topic of NUL bytes.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 3, 5})
    void aTopicOfNulBytesIsInvalid(int topicBytesWritten) {
        byte[] record = encode(false);
        int topicStart = record.length - 2 - 5;
        ByteBuffer file = ByteBuffer.allocate(record.length + 64).put(0, record, 0, topicStart + topicBytesWritten - 1);
        assertThat(RecordCheck.check(file, 0, true, TagsCodeResolver.TAG_HASH).kind())
            .isEqualTo(RecordCheck.Kind.INVALID);
    }

    private static byte[] encode(boolean withProperties) {
        MessageExt m = new MessageExt();
        m.setTopic("CRASH");
        m.setQueueId(2);
        m.setBody("q2-s17-body".getBytes(StandardCharsets.UTF_8));
        m.setBornHost(new InetSocketAddress("127.0.0.1", 5555));
        m.setStoreHost(new InetSocketAddress("127.0.0.1", 10911));
        if (withProperties) {
            m.setTags("TagA");
            m.setKeys("k1");
        }
        ByteBuffer encoded = MessageEncoder.encode(m);
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        return bytes;
    }
}
