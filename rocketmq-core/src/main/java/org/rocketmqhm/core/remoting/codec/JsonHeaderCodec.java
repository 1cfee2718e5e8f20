package org.rocketmqhm.core.remoting.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.ByteBufOutputStream;
import org.rocketmqhm.core.remoting.LanguageCode;
import org.rocketmqhm.core.remoting.RemotingCommand;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The JSON header (serialize type 0): a UTF-8 object with {@code code}, {@code extFields}, {@code flag},
 * {@code language} (enum name), {@code opaque}, {@code remark}, {@code version}. Nulls are omitted; unknown
 * properties are ignored; non-string ext values are read as their text, as fastjson does. The common shape goes
 * through the hand-written {@link JsonHeaderFastPath}; anything else is read with the lenient Jackson streaming
 * parser. Thread-safe.
 *
 * @since 0.1.0
 */
public final class JsonHeaderCodec {

    private static final JsonFactory FACTORY = JsonFactory.builder()
        .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
        .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
        .build();

    private JsonHeaderCodec() {
    }

    /** Writes the header of the command into {@code out}; returns the number of bytes written. */
    public static int encode(RemotingCommand command, ByteBuf out) throws IOException {
        int start = out.writerIndex();
        JsonHeaderFastPath.encode(command, out);
        return out.writerIndex() - start;
    }

    /** The Jackson writer the fast path replaced; kept as the reference the tests compare against. */
    static int encodeWithJackson(RemotingCommand command, ByteBuf out) throws IOException {
        int start = out.writerIndex();
        try (JsonGenerator json = FACTORY.createGenerator((java.io.OutputStream) new ByteBufOutputStream(out))) {
            json.writeStartObject();
            json.writeNumberField("code", command.getCode());
            Map<String, String> ext = command.getExtFields();
            if (ext != null) {
                json.writeObjectFieldStart("extFields");
                for (Map.Entry<String, String> entry : ext.entrySet()) {
                    if (entry.getKey() != null && entry.getValue() != null) {
                        json.writeStringField(entry.getKey(), entry.getValue());
                    }
                }
                json.writeEndObject();
            }
            json.writeNumberField("flag", command.getFlag());
            json.writeStringField("language", command.getLanguage().name());
            json.writeNumberField("opaque", command.getOpaque());
            if (command.getRemark() != null) {
                json.writeStringField("remark", command.getRemark());
            }
            json.writeStringField("serializeTypeCurrentRPC", "JSON");
            json.writeNumberField("version", command.getVersion());
            json.writeEndObject();
        }
        return out.writerIndex() - start;
    }

    /** Reads a header of {@code length} bytes from {@code in}. */
    public static RemotingCommand decode(ByteBuf in, int length) throws IOException {
        RemotingCommand fast = JsonHeaderFastPath.decode(in, length);
        if (fast != null) {
            in.skipBytes(length);
            return fast;
        }
        return decodeWithJackson(in, length);
    }

    /** The lenient reader: any JSON fastjson accepts in practice (single quotes, unquoted names, nesting). */
    static RemotingCommand decodeWithJackson(ByteBuf in, int length) throws IOException {
        RemotingCommand command = new RemotingCommand();
        try (JsonParser json = FACTORY.createParser((java.io.InputStream) new ByteBufInputStream(in, length))) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("JSON header is not an object");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                switch (field) {
                    case "code" -> command.setCode(json.getValueAsInt());
                    case "flag" -> command.setFlag(json.getValueAsInt());
                    case "opaque" -> command.setOpaque(json.getValueAsInt());
                    case "version" -> command.setVersion(json.getValueAsInt());
                    case "language" -> command.setLanguage(LanguageCode.fromName(
                        value == JsonToken.VALUE_NULL ? null : json.getValueAsString()));
                    case "remark" -> command.setRemark(value == JsonToken.VALUE_NULL ? null : json.getValueAsString());
                    case "extFields" -> command.setExtFields(readExtFields(json, value));
                    default -> json.skipChildren();
                }
            }
        }
        return command;
    }

    private static Map<String, String> readExtFields(JsonParser json, JsonToken start) throws IOException {
        if (start == JsonToken.VALUE_NULL) {
            return null;
        }
        if (start != JsonToken.START_OBJECT) {
            throw new IOException("extFields is not an object");
        }
        Map<String, String> ext = new HashMap<>(16);
        while (json.nextToken() == JsonToken.FIELD_NAME) {
            String key = json.currentName();
            JsonToken value = json.nextToken();
            if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
                java.io.StringWriter text = new java.io.StringWriter();
                try (JsonGenerator copy = FACTORY.createGenerator(text)) {
                    copy.copyCurrentStructure(json);
                }
                ext.put(key, text.toString());
            } else if (value != JsonToken.VALUE_NULL) {
                ext.put(key, json.getText());
            }
        }
        return ext;
    }
}
