package org.rocketmqhm.core.remoting.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;
import org.rocketmqhm.core.remoting.LanguageCode;
import org.rocketmqhm.core.remoting.RemotingCommand;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JsonHeaderFastPathTest {

    private static final List<String> AWKWARD = List.of("", "plain", "quote\" back\\slash /", "ctl\u0001\u0002\n\r\t\b\f\u001f",
        "été ünïcode 中文", "emoji \uD83D\uDE00 pair", "KEYS\u0001a b\u0002TAGS\u0001t\u0002",
        "escape then été\u0001ü\u0002", "LONG\u0001" + "v".repeat(3000) + "\u0002\"q\"\u0002");

    @Test
    void writesTheSameBytesAsJackson() throws Exception {
        for (String text : AWKWARD) {
            RemotingCommand command = RemotingCommand.request(310).setRemark(text).putExt("k" + text, text)
                .putExt("n", 42).setOpaque(-7).setFlag(3).setLanguage(LanguageCode.CPP);
            ByteBuf fast = Unpooled.buffer();
            ByteBuf jackson = Unpooled.buffer();
            JsonHeaderCodec.encode(command, fast);
            JsonHeaderCodec.encodeWithJackson(command, jackson);

            if (text.codePoints().allMatch(Character::isBmpCodePoint)) {
                // Jackson escapes supplementary characters as \\uXXXX pairs; the fast path writes their UTF-8 form
                assertThat(fast.toString(StandardCharsets.UTF_8)).isEqualTo(jackson.toString(StandardCharsets.UTF_8));
            }
            RemotingCommand back = JsonHeaderCodec.decodeWithJackson(fast, fast.readableBytes());
            assertThat(back.getRemark()).isEqualTo(text);
            assertThat(back.getExtFields()).containsEntry("k" + text, text).containsEntry("n", "42");
        }
    }

    @Test
    void writesExtremeIntegers() throws Exception {
        for (int v : new int[] {0, 9, 10, -1, 1_000_000_007, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            RemotingCommand command = RemotingCommand.request(v).setOpaque(v).setVersion(v);
            ByteBuf fast = Unpooled.buffer();
            ByteBuf jackson = Unpooled.buffer();
            JsonHeaderCodec.encode(command, fast);
            JsonHeaderCodec.encodeWithJackson(command, jackson);
            assertThat(fast.toString(StandardCharsets.UTF_8)).isEqualTo(jackson.toString(StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsWhatItWritesWithoutFallingBack() throws Exception {
        for (String text : AWKWARD) {
            RemotingCommand command = RemotingCommand.request(11).setRemark(text).putExt("v", text).setOpaque(99);
            ByteBuf buf = Unpooled.buffer();
            int length = JsonHeaderCodec.encode(command, buf);

            RemotingCommand decoded = JsonHeaderFastPath.decode(buf, length);

            assertThat(decoded).isNotNull();
            assertThat(decoded.getRemark()).isEqualTo(text);
            assertThat(decoded.getExtFields()).containsExactly(Map.entry("v", text));
            assertThat(decoded.getOpaque()).isEqualTo(99);
            assertThat(decoded.getCode()).isEqualTo(11);
        }
    }

    @Test
    void agreesWithJacksonOnAcceptedInputs() throws Exception {
        List<String> inputs = List.of(
            "{\"code\":105,\"extFields\":{\"topic\":\"TopicTest\"},\"flag\":0,\"language\":\"JAVA\",\"opaque\":0,"
                + "\"serializeTypeCurrentRPC\":\"JSON\",\"version\":409}",
            "{ \"code\" : -2 , \"extFields\" : { \"a\" : 1.5e3 , \"b\" : true , \"c\" : null, \"d\":false } ,"
                + " \"language\" : \"GO\", \"remark\": null, \"unknown\": 12 }",
            "{\"code\":1,\"extFields\":null,\"language\":\"RUST\",\"remark\":\"a\\u00e9\\\"\\/\"}",
            "{}",
            "{\"code\":1,\"extFields\":{},\"language\":null}");
        for (String json : inputs) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            RemotingCommand fast = JsonHeaderFastPath.decode(Unpooled.wrappedBuffer(bytes), bytes.length);
            RemotingCommand slow = JsonHeaderCodec.decodeWithJackson(Unpooled.wrappedBuffer(bytes), bytes.length);

            assertThat(fast).as(json).isNotNull();
            assertThat(fast.getCode()).isEqualTo(slow.getCode());
            assertThat(fast.getFlag()).isEqualTo(slow.getFlag());
            assertThat(fast.getOpaque()).isEqualTo(slow.getOpaque());
            assertThat(fast.getVersion()).isEqualTo(slow.getVersion());
            assertThat(fast.getLanguage()).isEqualTo(slow.getLanguage());
            assertThat(fast.getRemark()).isEqualTo(slow.getRemark());
            assertThat(fast.getExtFields()).isEqualTo(slow.getExtFields());
        }
    }

    @Test
    void leavesOtherShapesToTheLenientParser() throws Exception {
        List<String> inputs = List.of(
            "{'code':1}",
            "{code:1}",
            "{\"code\":1,\"extFields\":{\"a\":{\"x\":1}}}",
            "{\"code\":1,\"extFields\":{\"a\":[1,2]}}",
            "{\"code\":1.0}",
            "{\"code\":\"1\"}",
            "{\"code\":1,\"other\":{\"x\":[]}}",
            "{\"code\":1",
            "[1]");
        for (String json : inputs) {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            assertThat(JsonHeaderFastPath.decode(Unpooled.wrappedBuffer(bytes), bytes.length)).as(json).isNull();
        }
        byte[] nested = "{\"code\":7,\"extFields\":{\"a\":{\"x\":1},'b':'y'},other:[1]}".getBytes(StandardCharsets.UTF_8);
        ByteBuf buf = Unpooled.wrappedBuffer(nested);
        RemotingCommand command = JsonHeaderCodec.decode(buf, nested.length);
        assertThat(command.getCode()).isEqualTo(7);
        assertThat(command.getExtFields()).containsEntry("a", "{\"x\":1}").containsEntry("b", "y");
    }

    @Test
    void consumesExactlyTheHeaderBytes() throws Exception {
        byte[] bytes = "{\"code\":3}BODY".getBytes(StandardCharsets.UTF_8);
        ByteBuf buf = Unpooled.wrappedBuffer(bytes);
        JsonHeaderCodec.decode(buf, 10);
        assertThat(buf.readerIndex()).isEqualTo(10);
    }

    @Test
    void readsDirectBuffersAndReusesShortKeys() {
        byte[] json = "{\"code\":1,\"extFields\":{\"topicKey\":\"a\",\"k\\u00e9y\":\"b\",\"été\":\"c\"}}"
            .getBytes(StandardCharsets.UTF_8);
        RemotingCommand first = null;
        for (int i = 0; i < 3; i++) {
            ByteBuf direct = Unpooled.directBuffer().writeBytes(json);
            RemotingCommand command = JsonHeaderFastPath.decode(direct, json.length);
            direct.release();
            assertThat(command.getExtFields()).containsOnly(Map.entry("topicKey", "a"), Map.entry("kéy", "b"),
                Map.entry("été", "c"));
            if (first == null) {
                first = command;
            } else {
                String key = command.getExtFields().keySet().stream().filter("topicKey"::equals).findFirst().orElseThrow();
                String before = first.getExtFields().keySet().stream().filter("topicKey"::equals).findFirst().orElseThrow();
                assertThat(key).isSameAs(before);
            }
        }
    }
}
