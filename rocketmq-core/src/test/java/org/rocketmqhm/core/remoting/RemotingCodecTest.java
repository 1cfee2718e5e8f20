package org.rocketmqhm.core.remoting;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.protocol.header.SendMessageRequestHeaderV2;
import org.rocketmqhm.core.remoting.codec.RemotingFrameDecoder;
import org.rocketmqhm.core.remoting.codec.RemotingFrameEncoder;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RemotingCodecTest {

    @Test
    void decodesTheReferenceJsonFrame() throws Exception {
        String json = "{\"code\":105,\"extFields\":{\"topic\":\"TopicTest\"},\"flag\":0,\"language\":\"JAVA\","
            + "\"opaque\":0,\"serializeTypeCurrentRPC\":\"JSON\",\"version\":409}";
        byte[] header = json.getBytes(StandardCharsets.UTF_8);
        ByteBuf frame = Unpooled.buffer().writeInt(header.length).writeBytes(header);

        RemotingCommand command = RemotingFrameDecoder.decodeFrame(frame);

        assertThat(command.getCode()).isEqualTo(105);
        assertThat(command.ext("topic")).isEqualTo("TopicTest");
        assertThat(command.getVersion()).isEqualTo(409);
        assertThat(command.getLanguage()).isEqualTo(LanguageCode.JAVA);
        assertThat(command.getSerializeType()).isEqualTo(SerializeType.JSON);
        assertThat(command.getBody()).isNull();
    }

    @Test
    void decodesTheReferenceBinaryFrame() throws Exception {
        byte[] frameBytes = ByteBufUtil.decodeHexDump("0100002b" + "0069" + "00" + "0199" + "00000000" + "00000000"
            + "000000026869" + "00000014" + "0005746f706963" + "00000009546f70696354657374");
        RemotingCommand command = RemotingFrameDecoder.decodeFrame(Unpooled.wrappedBuffer(frameBytes));

        assertThat(command.getCode()).isEqualTo(105);
        assertThat(command.getRemark()).isEqualTo("hi");
        assertThat(command.getVersion()).isEqualTo(409);
        assertThat(command.getExtFields()).containsExactly(Map.entry("topic", "TopicTest"));
        assertThat(command.getSerializeType()).isEqualTo(SerializeType.ROCKETMQ);
    }

    @Test
    void readsNonStringExtValuesAsText() throws Exception {
        byte[] header = "{\"code\":1,\"extFields\":{\"a\":1,\"b\":true,\"c\":null},\"language\":\"GO\"}"
            .getBytes(StandardCharsets.UTF_8);
        RemotingCommand command = RemotingFrameDecoder.decodeFrame(
            Unpooled.buffer().writeInt(header.length).writeBytes(header));

        assertThat(command.getExtFields()).containsOnly(Map.entry("a", "1"), Map.entry("b", "true"));
        assertThat(command.getLanguage()).isEqualTo(LanguageCode.GO);
    }

    @Test
    void roundTripsBothSerializationsWithBody() {
        for (SerializeType type : SerializeType.values()) {
            RemotingCommand request = RemotingCommand.request(310).setSerializeType(type).setRemark("r")
                .putExt("b", "Topic").putExt("e", 3).setBody("hello".getBytes(StandardCharsets.UTF_8));
            EmbeddedChannel channel = new EmbeddedChannel(new RemotingFrameEncoder());
            channel.writeOutbound(request);
            ByteBuf wire = Unpooled.buffer();
            for (Object part; (part = channel.readOutbound()) != null; ) {
                wire.writeBytes((ByteBuf) part);
                ((ByteBuf) part).release();
            }
            EmbeddedChannel in = new EmbeddedChannel(new RemotingFrameDecoder(1 << 20));
            in.writeInbound(wire);
            RemotingCommand decoded = in.readInbound();

            assertThat(decoded.getCode()).isEqualTo(310);
            assertThat(decoded.getOpaque()).isEqualTo(request.getOpaque());
            assertThat(decoded.getRemark()).isEqualTo("r");
            assertThat(decoded.getExtFields()).containsEntry("b", "Topic").containsEntry("e", "3");
            assertThat(new String(decoded.getBody(), StandardCharsets.UTF_8)).isEqualTo("hello");
            assertThat(decoded.getSerializeType()).isEqualTo(type);
        }
    }

    @Test
    void refusesAHeaderLongerThanTheFrame() {
        ByteBuf frame = Unpooled.buffer().writeInt(100).writeBytes(new byte[10]);
        assertThatThrownBy(() -> RemotingFrameDecoder.decodeFrame(frame)).hasMessageContaining("header length 100");
    }

    @Test
    void headerRecordsRoundTripAndNameMissingFields() throws Exception {
        SendMessageRequestHeaderV2 header = new SendMessageRequestHeaderV2("PG", "T", "TBW102", 4, 1, 0, 17L, 0,
            "TAGS\u0001a", null, false, null, false, null);
        RemotingCommand command = RemotingCommand.request(310, header);
        assertThat(command.getExtFields()).containsEntry("a", "PG").containsEntry("g", "17").doesNotContainKey("j");
        assertThat(command.decodeHeader(SendMessageRequestHeaderV2.class)).isEqualTo(header);

        command.getExtFields().remove("b");
        assertThatThrownBy(() -> command.decodeHeader(SendMessageRequestHeaderV2.class))
            .isInstanceOf(RemotingCommandException.class).hasMessageContaining("<b>");
        command.putExt("b", "T").putExt("e", "x");
        assertThatThrownBy(() -> command.decodeHeader(SendMessageRequestHeaderV2.class))
            .hasMessageContaining("<e>");
    }
}
