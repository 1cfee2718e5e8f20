package org.rocketmqhm.core.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.rocketmqhm.core.protocol.body.MessageQueue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * JSON bodies as Apache's fastjson peers write and read them: nulls omitted, unknown properties ignored,
 * unquoted (numeric) map keys and single quotes accepted, alphabetical property order, and maps keyed by
 * {@link MessageQueue} written with the queue's JSON as a string key (which fastjson reads back) and read from
 * fastjson's object-as-key form. Thread-safe.
 *
 * @since 0.1.0
 */
public final class RemotingJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
        .enable(JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES)
        .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
        .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
        .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
        .serializationInclusion(JsonInclude.Include.NON_NULL)
        .addModule(new SimpleModule("rocketmq-keys")
            .addKeySerializer(MessageQueue.class, new MessageQueue.KeySerializer())
            .addKeyDeserializer(MessageQueue.class, new MessageQueue.KeyDeserializer()))
        .build();

    private RemotingJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static byte[] encode(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body.getClass().getSimpleName() + " as JSON", e);
        }
    }

    public static String toJson(Object body) {
        return new String(encode(body), StandardCharsets.UTF_8);
    }

    /**
     * Reads a JSON body.
     *
     * @throws IllegalArgumentException naming the type when the body is not valid JSON for it
     */
    public static <T> T decode(byte[] body, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new IllegalArgumentException("missing " + type.getSimpleName() + " body");
        }
        try {
            return MAPPER.readValue(FastjsonKeys.quoteObjectKeys(new String(body, StandardCharsets.UTF_8)), type);
        } catch (IOException e) {
            throw new IllegalArgumentException("invalid " + type.getSimpleName() + " body: " + e.getMessage(), e);
        }
    }

    public static <T> T decode(String json, Class<T> type) {
        return decode(json.getBytes(StandardCharsets.UTF_8), type);
    }

    private static final class FastjsonKeys {
        /**
         * Rewrites fastjson's object keys ({@code {{"a":1}:2}}) into quoted string keys
         * ({@code {"{\"a\":1}":2}}) so that a standard parser reads them. Other text is unchanged.
         */
        static String quoteObjectKeys(String json) {
            if (!json.contains("{{") && !json.contains(",{")) {
                return json;
            }
            StringBuilder out = new StringBuilder(json.length() + 32);
            int i = 0;
            char previousSignificant = 0;
            while (i < json.length()) {
                char c = json.charAt(i);
                if (c == '"') {
                    int end = skipString(json, i);
                    out.append(json, i, end);
                    previousSignificant = '"';
                    i = end;
                    continue;
                }
                if (c == '{' && (previousSignificant == '{' || previousSignificant == ',') && insideObject(out)) {
                    int end = matchingBrace(json, i);
                    int colon = nextSignificant(json, end);
                    if (colon < json.length() && json.charAt(colon) == ':') {
                        String key = json.substring(i, end);
                        out.append('"').append(key.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
                        i = end;
                        previousSignificant = '"';
                        continue;
                    }
                }
                out.append(c);
                if (!Character.isWhitespace(c)) {
                    previousSignificant = c;
                }
                i++;
            }
            return out.toString();
        }

        private static boolean insideObject(StringBuilder out) {
            int depth = 0;
            boolean inString = false;
            for (int i = out.length() - 1; i >= 0; i--) {
                char c = out.charAt(i);
                if (c == '"' && (i == 0 || out.charAt(i - 1) != '\\')) {
                    inString = !inString;
                }
                if (inString) {
                    continue;
                }
                if (c == '}' || c == ']') {
                    depth++;
                } else if (c == '{' || c == '[') {
                    if (depth == 0) {
                        return c == '{';
                    }
                    depth--;
                }
            }
            return false;
        }

        private static int skipString(String json, int start) {
            int i = start + 1;
            while (i < json.length()) {
                char c = json.charAt(i);
                if (c == '\\') {
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    return i + 1;
                }
                i++;
            }
            return json.length();
        }

        private static int matchingBrace(String json, int start) {
            int depth = 0;
            int i = start;
            while (i < json.length()) {
                char c = json.charAt(i);
                if (c == '"') {
                    i = skipString(json, i);
                    continue;
                }
                if (c == '{') {
                    depth++;
                } else if (c == '}') {
                    depth--;
                    if (depth == 0) {
                        return i + 1;
                    }
                }
                i++;
            }
            return json.length();
        }

        private static int nextSignificant(String json, int from) {
            int i = from;
            while (i < json.length() && Character.isWhitespace(json.charAt(i))) {
                i++;
            }
            return i;
        }
    }
}
