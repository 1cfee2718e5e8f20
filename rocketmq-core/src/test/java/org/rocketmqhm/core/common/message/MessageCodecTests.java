package org.rocketmqhm.core.common.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessageCodecTests {

    @Test
    void propertiesRoundTripWithoutTrailingSeparator() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("TAGS", "tagA");
        m.put("KEYS", "k1 k2");
        String s = MessageProperties.encode(m);
        assertThat(s).isEqualTo("TAGS\u0001tagA\u0002KEYS\u0001k1 k2");
        assertThat(MessageProperties.decode(s)).isEqualTo(m);
    }

    @Test
    void propertiesDecodeIsTolerant() {
        String s = "A\u00011\u0002\u0002\u0001x\u0002y\u0001\u0002ab\u0002B\u00012\u0002A\u00013\u0002";
        assertThat(MessageProperties.decode(s)).containsExactlyInAnyOrderEntriesOf(Map.of("A", "3", "B", "2"));
        assertThat(MessageProperties.decode("")).isEmpty();
        assertThat(MessageProperties.decode(null)).isEmpty();
        assertThat(MessageProperties.decode("K\u0001v\u0001w")).containsEntry("K", "v\u0001w");
    }

    @Test
    void storedLayoutRoundTripIpv4() throws Exception {
        MessageExt m = sample(new InetSocketAddress(InetAddress.getByName("10.1.2.3"), 1234),
                new InetSocketAddress(InetAddress.getByName("192.168.0.1"), 10911));
        ByteBuffer bb = MessageEncoder.encode(m);
        assertThat(bb.remaining()).isEqualTo(91 + m.getBody().length + m.getTopic().length()
                + MessageProperties.encode(m.getProperties()).getBytes(StandardCharsets.UTF_8).length);
        MessageExt d = MessageDecoder.decode(bb, true, true);
        assertSame(m, d);
        assertThat(d.getOffsetMsgId()).hasSize(32).isEqualTo(MessageIds.createOffsetMsgId(m.getStoreHost(), 777L));
        assertThat(d.getMsgId()).isEqualTo("UNIQ1");
        assertThat(bb.hasRemaining()).isFalse();
    }

    @Test
    void storedLayoutRoundTripIpv6AndDecodeAllStopsAtGarbage() throws Exception {
        MessageExt m = sample(new InetSocketAddress(InetAddress.getByName("::1"), 1),
                new InetSocketAddress(InetAddress.getByName("fe80::1:2"), 10911));
        assertThat(m.getSysFlag() & 0x30).isEqualTo(0x30);
        ByteBuffer one = MessageEncoder.encode(m);
        ByteBuffer all = ByteBuffer.allocate(one.remaining() * 2 + 10);
        all.put(one.duplicate()).put(one.duplicate()).putInt(12345).putInt(99).flip();
        List<MessageExt> list = MessageDecoder.decodeAll(all, true, false);
        assertThat(list).hasSize(2);
        assertSame(m, list.get(1));
        assertThat(list.get(0).getOffsetMsgId()).hasSize(56);
        assertThat(MessageDecoder.decodeProperties(one, 0)).isEqualTo(m.getProperties());
    }

    @Test
    void longTopicUsesV2Magic() {
        MessageExt m = sample(null, null);
        m.setTopic("t".repeat(200));
        ByteBuffer bb = MessageEncoder.encode(m);
        assertThat(bb.getInt(4)).isEqualTo(MessageEncoder.MAGIC_V2);
        assertThat(MessageDecoder.decode(bb, true, false).getTopic()).isEqualTo(m.getTopic());
    }

    @Test
    void compressedBodyIsInflatedOnDecode() throws Exception {
        byte[] raw = "hello hello hello hello".repeat(50).getBytes(StandardCharsets.UTF_8);
        byte[] z = MessageCompression.compress(raw, 5);
        assertThat(z[0]).isEqualTo((byte) 0x78);
        assertThat(MessageCompression.decompress(z)).isEqualTo(raw);
        MessageExt m = sample(null, null);
        m.setBody(z);
        m.setSysFlag(MessageSysFlag.setCompression(m.getSysFlag(), MessageSysFlag.COMPRESSION_ZLIB));
        ByteBuffer bb = MessageEncoder.encode(m);
        MessageExt d = MessageDecoder.decode(bb.duplicate(), true, true);
        assertThat(d.getBody()).isEqualTo(raw);
        assertThat(MessageSysFlag.isCompressed(d.getSysFlag())).isFalse();
        assertThat(MessageDecoder.decode(bb.duplicate(), true, false).getBody()).isEqualTo(z);
    }

    @Test
    void truncatedRecordIsRejected() {
        ByteBuffer bb = MessageEncoder.encode(sample(null, null));
        bb.limit(bb.limit() - 1);
        assertThat(MessageDecoder.decode(bb, true, false)).isNull();
        assertThat(bb.position()).isZero();
    }

    @Test
    void batchBodyRoundTrip() {
        Message a = new Message("T", "ta", "k1", "a".getBytes(StandardCharsets.UTF_8));
        a.setFlag(3);
        Message b = new Message("T", "bb".getBytes(StandardCharsets.UTF_8));
        byte[] body = BatchMessageCodec.encode(List.of(a, b));
        List<Message> list = BatchMessageCodec.decode(ByteBuffer.wrap(body), "T");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).getFlag()).isEqualTo(3);
        assertThat(list.get(0).getTags()).isEqualTo("ta");
        assertThat(list.get(1).getBody()).isEqualTo(b.getBody());
        assertThatThrownBy(() -> BatchMessageCodec.decode(ByteBuffer.wrap(body, 0, body.length - 1), "T"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(BatchMessageCodec.mergeProperties("A\u00011\u0002", "W\u0001f")).isEqualTo("A\u00011\u0002W\u0001f");
        assertThat(BatchMessageCodec.mergeProperties("A\u00011", "W\u0001f")).isEqualTo("A\u00011\u0002W\u0001f");
    }

    @Test
    void offsetMsgIdRoundTrip() throws Exception {
        InetSocketAddress v4 = new InetSocketAddress(InetAddress.getByName("10.0.0.7"), 10911);
        String id = MessageIds.createOffsetMsgId(v4, 0x1234_5678_9ABCL);
        assertThat(id).isEqualTo("0A00000700002A9F0000123456789ABC");
        MessageIds.OffsetMessageId d = MessageIds.decodeOffsetMsgId(id);
        assertThat(d.address()).isEqualTo(v4);
        assertThat(d.commitLogOffset()).isEqualTo(0x1234_5678_9ABCL);
        InetSocketAddress v6 = new InetSocketAddress(InetAddress.getByName("fe80::5"), 9);
        String id6 = MessageIds.createOffsetMsgId(v6, 42);
        assertThat(id6).hasSize(56);
        assertThat(MessageIds.decodeOffsetMsgId(id6).address()).isEqualTo(v6);
    }

    @Test
    void uniqIdFormat() {
        String a = MessageIds.createUniqId();
        String b = MessageIds.createUniqId();
        assertThat(a).matches("[0-9A-F]{32}|[0-9A-F]{56}");
        assertThat(a).isNotEqualTo(b);
        assertThat(a.substring(0, a.length() - 12)).isEqualTo(b.substring(0, b.length() - 12));
        int pid = (int) (ProcessHandle.current().pid() & 0xFFFF);
        int ipHex = a.length() == 32 ? 8 : 32;
        assertThat(Integer.parseInt(a.substring(ipHex, ipHex + 4), 16)).isEqualTo(pid);
    }

    @Test
    void sysFlagHelpers() {
        int f = MessageSysFlag.resetTransactionValue(0x13, MessageSysFlag.TRANSACTION_ROLLBACK_TYPE);
        assertThat(f).isEqualTo(0x1F);
        assertThat(MessageSysFlag.getTransactionValue(f)).isEqualTo(0xC);
        assertThat(MessageSysFlag.getCompressionType(0x1)).isEqualTo(MessageSysFlag.COMPRESSION_ZLIB);
        assertThat(MessageSysFlag.setCompression(0, 3)).isEqualTo(0x301);
    }

    private static MessageExt sample(InetSocketAddress born, InetSocketAddress store) {
        MessageExt m = new MessageExt();
        m.setTopic("TopicTest");
        m.setBody("body-bytes".getBytes(StandardCharsets.UTF_8));
        m.setTags("TagA");
        m.setKeys("k1 k2");
        m.setUniqKey("UNIQ1");
        m.setQueueId(3);
        m.setFlag(7);
        m.setQueueOffset(99);
        m.setCommitLogOffset(777);
        m.setBornTimestamp(1000);
        m.setStoreTimestamp(2000);
        m.setBornHost(born);
        m.setStoreHost(store);
        m.setReconsumeTimes(2);
        m.setPreparedTransactionOffset(55);
        return m;
    }

    private static void assertSame(MessageExt m, MessageExt d) {
        assertThat(d).isNotNull();
        assertThat(d.getTopic()).isEqualTo(m.getTopic());
        assertThat(d.getBody()).isEqualTo(m.getBody());
        assertThat(d.getProperties()).isEqualTo(m.getProperties());
        assertThat(d.getQueueId()).isEqualTo(m.getQueueId());
        assertThat(d.getFlag()).isEqualTo(m.getFlag());
        assertThat(d.getQueueOffset()).isEqualTo(m.getQueueOffset());
        assertThat(d.getCommitLogOffset()).isEqualTo(m.getCommitLogOffset());
        assertThat(d.getSysFlag()).isEqualTo(m.getSysFlag());
        assertThat(d.getBornTimestamp()).isEqualTo(m.getBornTimestamp());
        assertThat(d.getStoreTimestamp()).isEqualTo(m.getStoreTimestamp());
        assertThat(d.getReconsumeTimes()).isEqualTo(m.getReconsumeTimes());
        assertThat(d.getPreparedTransactionOffset()).isEqualTo(m.getPreparedTransactionOffset());
        assertThat(d.getBodyCRC()).isEqualTo(m.getBodyCRC());
        if (m.getBornHost() != null) {
            assertThat(d.getBornHost()).isEqualTo(m.getBornHost());
            assertThat(d.getStoreHost()).isEqualTo(m.getStoreHost());
        }
    }
}
