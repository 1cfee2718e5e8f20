package org.rocketmqhm.core.remoting.codec;

import io.netty.buffer.ByteBuf;
import org.rocketmqhm.core.remoting.LanguageCode;
import org.rocketmqhm.core.remoting.RemotingCommand;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Hand-written JSON header writer and reader for the shape every RocketMQ client sends: an object whose keys are
 * double-quoted, with integer {@code code}/{@code flag}/{@code opaque}/{@code version}, string {@code language} and
 * {@code remark}, and an {@code extFields} object of scalar values. Works on the {@link ByteBuf} directly (no
 * stream wrappers, no generator/parser objects) because this runs for every request and response.
 *
 * <p>Decoded {@code extFields} are an {@link ExtFieldsMap} (insertion order); short keys and values come from
 * canonical String tables and escaped ASCII strings are decoded in a per-thread scratch, so a steady stream of
 * requests allocates little besides the values that change.
 *
 * <p>The reader is strict: anything outside that shape (single quotes, unquoted names, nested values inside
 * {@code extFields}, non-integer numbers where an int is expected, malformed UTF-8 or JSON) makes
 * {@link #decode} return {@code null}, and {@link JsonHeaderCodec} then reads the header with the lenient
 * Jackson parser, which also produces the error for really broken input. Stateless and thread-safe.
 *
 * @since 0.1.0
 */
final class JsonHeaderFastPath {

    private static final byte[] CODE = ascii("{\"code\":");
    private static final byte[] EXT = ascii(",\"extFields\":{");
    private static final byte[] FLAG = ascii(",\"flag\":");
    private static final byte[] LANGUAGE = ascii(",\"language\":");
    private static final byte[] OPAQUE = ascii(",\"opaque\":");
    private static final byte[] REMARK = ascii(",\"remark\":");
    private static final byte[] VERSION = ascii(",\"serializeTypeCurrentRPC\":\"JSON\",\"version\":");
    private static final byte[] HEX = ascii("0123456789ABCDEF");
    private static final LanguageCode[] LANGUAGES = LanguageCode.values();

    /** Signals "not the common shape": the caller falls back to the lenient parser. */
    private static final class NotFast extends Exception {
        private static final NotFast INSTANCE = new NotFast();

        private NotFast() {
            super(null, null, false, false);
        }
    }

    private JsonHeaderFastPath() {
    }

    // ---------------------------------------------------------------- writing

    /** Writes the header JSON (same keys, order and omissions as the Jackson writer) into {@code out}. */
    static void encode(RemotingCommand command, ByteBuf target) {
        Out out = SCRATCH.get();
        out.n = 0;
        out.put(CODE);
        writeInt(out, command.getCode());
        Map<String, String> ext = command.getExtFields();
        if (ext != null) {
            out.put(EXT);
            boolean first = true;
            for (Map.Entry<String, String> entry : ext.entrySet()) {
                if (entry.getKey() != null && entry.getValue() != null) {
                    if (!first) {
                        out.put(',');
                    }
                    first = false;
                    writeString(out, entry.getKey());
                    out.put(':');
                    writeString(out, entry.getValue());
                }
            }
            out.put('}');
        }
        out.put(FLAG);
        writeInt(out, command.getFlag());
        out.put(LANGUAGE);
        writeString(out, command.getLanguage().name());
        out.put(OPAQUE);
        writeInt(out, command.getOpaque());
        if (command.getRemark() != null) {
            out.put(REMARK);
            writeString(out, command.getRemark());
        }
        out.put(VERSION);
        writeInt(out, command.getVersion());
        out.put('}');
        target.writeBytes(out.b, 0, out.n);
        if (out.b.length > 64 * 1024) {
            SCRATCH.remove(); // do not keep a huge buffer around after an unusual header
        }
    }

    /** A growable per-thread byte array: the header is built here and copied to the buffer in one call. */
    private static final class Out {
        byte[] b = new byte[1024];
        int n;

        void put(int v) {
            if (n == b.length) {
                b = java.util.Arrays.copyOf(b, b.length * 2);
            }
            b[n++] = (byte) v;
        }

        void put(byte[] bytes) {
            ensure(bytes.length);
            System.arraycopy(bytes, 0, b, n, bytes.length);
            n += bytes.length;
        }

        void ensure(int more) {
            if (n + more > b.length) {
                b = java.util.Arrays.copyOf(b, Math.max(b.length * 2, n + more));
            }
        }
    }

    private static final ThreadLocal<Out> SCRATCH = ThreadLocal.withInitial(Out::new);

    private static void writeInt(Out out, int value) {
        long v = value;
        if (v < 0) {
            out.put('-');
            v = -v;
        }
        if (v < 10) {
            out.put((int) ('0' + v));
            return;
        }
        long div = 1;
        while (div <= v / 10) {
            div *= 10;
        }
        while (div > 0) {
            out.put((int) ('0' + v / div));
            v %= div;
            div /= 10;
        }
    }

    /** A JSON string literal in UTF-8; control characters, quote and backslash escaped. */
    private static void writeString(Out out, String s) {
        out.ensure(s.length() + 2);
        out.put('"');
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (c >= 0x20 && c != '"' && c != '\\') {
                    out.put(c);
                } else {
                    writeEscape(out, c);
                }
            } else if (c < 0x800) {
                out.put(0xC0 | (c >> 6));
                out.put(0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                out.put(0xF0 | (cp >> 18));
                out.put(0x80 | ((cp >> 12) & 0x3F));
                out.put(0x80 | ((cp >> 6) & 0x3F));
                out.put(0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c)) {
                writeEscape(out, c); // a lone surrogate: \\uXXXX keeps it (no valid UTF-8 form exists)
            } else {
                out.put(0xE0 | (c >> 12));
                out.put(0x80 | ((c >> 6) & 0x3F));
                out.put(0x80 | (c & 0x3F));
            }
        }
        out.put('"');
    }

    private static void writeEscape(Out out, char c) {
        out.put('\\');
        switch (c) {
            case '"' -> out.put('"');
            case '\\' -> out.put('\\');
            case '\n' -> out.put('n');
            case '\r' -> out.put('r');
            case '\t' -> out.put('t');
            case '\b' -> out.put('b');
            case '\f' -> out.put('f');
            default -> {
                out.put('u');
                out.put(HEX[(c >> 12) & 0xF]);
                out.put(HEX[(c >> 8) & 0xF]);
                out.put(HEX[(c >> 4) & 0xF]);
                out.put(HEX[c & 0xF]);
            }
        }
    }

    // ---------------------------------------------------------------- reading

    /**
     * Reads a header of {@code length} bytes starting at {@code in}'s reader index, without moving it.
     *
     * @return the command, or {@code null} when the header is not in the common shape (use the lenient parser)
     */
    static RemotingCommand decode(ByteBuf in, int length) {
        byte[] bytes;
        int from;
        if (in.hasArray()) {
            bytes = in.array();
            from = in.arrayOffset() + in.readerIndex();
        } else {
            bytes = READ_SCRATCH.get();
            if (bytes.length < length) {
                bytes = new byte[length];
                if (length <= 64 * 1024) {
                    READ_SCRATCH.set(bytes);
                }
            }
            in.getBytes(in.readerIndex(), bytes, 0, length);
            from = 0;
        }
        try {
            return new Reader(bytes, from, from + length).readHeader();
        } catch (NotFast | IndexOutOfBoundsException e) {
            return null;
        }
    }

    /** Per-thread copy target for headers in direct buffers (the reader keeps no reference after decode). */
    private static final ThreadLocal<byte[]> READ_SCRATCH = ThreadLocal.withInitial(() -> new byte[4096]);

    /** Per-thread target of escaped ASCII strings (copied into the resulting String, never kept). */
    private static final ThreadLocal<char[]> CHAR_SCRATCH = ThreadLocal.withInitial(() -> new char[1024]);

    /**
     * Canonical key strings: a header repeats the same few keys (a..m, topic, queueId, msgId...), so short ASCII
     * keys are looked up here by hash instead of allocating a String each time. Racy but safe: entries are
     * immutable Strings, a lost update only costs an allocation.
     */
    private static final String[] KEYS = new String[512];

    /**
     * Canonical short values, same scheme as {@link #KEYS}: most ext values repeat from request to request (group,
     * topic, {@code TBW102}, queue counts, {@code 0}, {@code false}); one-off values (timestamps) only overwrite a
     * slot. Kept apart from the keys so that they never evict them.
     */
    private static final String[] VALUES = new String[1024];

    private static final class Reader {
        private final byte[] in;
        private final int end;
        private int pos;

        Reader(byte[] in, int pos, int end) {
            this.in = in;
            this.pos = pos;
            this.end = end;
        }

        RemotingCommand readHeader() throws NotFast {
            RemotingCommand command = new RemotingCommand();
            expect('{');
            if (peek() == '}') {
                pos++;
                return command;
            }
            while (true) {
                String field = readCached(KEYS);
                expect(':');
                switch (field) {
                    case "code" -> command.setCode(readInt());
                    case "flag" -> command.setFlag(readInt());
                    case "opaque" -> command.setOpaque(readInt());
                    case "version" -> command.setVersion(readInt());
                    case "language" -> command.setLanguage(language(readNullableString()));
                    case "remark" -> command.setRemark(readNullableString());
                    case "extFields" -> command.setExtFields(readExtFields());
                    default -> skipScalar();
                }
                int c = next();
                if (c == '}') {
                    return command;
                }
                if (c != ',') {
                    throw NotFast.INSTANCE;
                }
            }
        }

        private Map<String, String> readExtFields() throws NotFast {
            int c = peek();
            if (c == 'n') {
                literal("null");
                return null;
            }
            expect('{');
            Map<String, String> ext = new ExtFieldsMap(16);
            if (peek() == '}') {
                pos++;
                return ext;
            }
            while (true) {
                String key = readCached(KEYS);
                expect(':');
                String value = readScalarText();
                if (value != null) {
                    ext.put(key, value);
                }
                c = next();
                if (c == '}') {
                    return ext;
                }
                if (c != ',') {
                    throw NotFast.INSTANCE;
                }
            }
        }

        /** A string, number, true or false as text (numbers verbatim); null for JSON null. */
        private String readScalarText() throws NotFast {
            int c = peek();
            if (c == '"') {
                return readCached(VALUES);
            }
            if (c == 't') {
                literal("true");
                return "true";
            }
            if (c == 'f') {
                literal("false");
                return "false";
            }
            if (c == 'n') {
                literal("null");
                return null;
            }
            int start = pos;
            skipNumber();
            return new String(in, start, pos - start, StandardCharsets.ISO_8859_1);
        }

        private void skipScalar() throws NotFast {
            int c = peek();
            if (c == '"') {
                skipString();
            } else if (c == 't') {
                literal("true");
            } else if (c == 'f') {
                literal("false");
            } else if (c == 'n') {
                literal("null");
            } else {
                skipNumber();
            }
        }

        private void skipNumber() throws NotFast {
            int start = pos;
            while (pos < end) {
                byte b = in[pos];
                if ((b >= '0' && b <= '9') || b == '-' || b == '+' || b == '.' || b == 'e' || b == 'E') {
                    pos++;
                } else {
                    break;
                }
            }
            if (pos == start) {
                throw NotFast.INSTANCE;
            }
        }

        private int readInt() throws NotFast {
            skipWhitespace();
            boolean negative = false;
            if (pos < end && in[pos] == '-') {
                negative = true;
                pos++;
            }
            long v = 0;
            int digits = 0;
            while (pos < end) {
                byte b = in[pos];
                if (b < '0' || b > '9') {
                    break;
                }
                v = v * 10 + (b - '0');
                pos++;
                if (++digits > 10) {
                    throw NotFast.INSTANCE;
                }
            }
            if (digits == 0 || (pos < end && isNumberTail(in[pos]))) {
                throw NotFast.INSTANCE;
            }
            v = negative ? -v : v;
            if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
                throw NotFast.INSTANCE;
            }
            return (int) v;
        }

        private static boolean isNumberTail(byte b) {
            return b == '.' || b == 'e' || b == 'E';
        }

        private String readNullableString() throws NotFast {
            if (peek() == 'n') {
                literal("null");
                return null;
            }
            return readString();
        }

        private void skipString() throws NotFast {
            readString();
        }

        /** Like {@link #readString()}, but short plain ASCII strings come from {@code cache} ({@link #KEYS}). */
        private String readCached(String[] cache) throws NotFast {
            int save = pos;
            expect('"');
            int start = pos;
            int hash = 0;
            while (pos < end) {
                byte b = in[pos];
                if (b == '"') {
                    int len = pos - start;
                    if (len > 32) {
                        break;
                    }
                    int slot = (hash ^ (hash >>> 9)) & (cache.length - 1);
                    String cached = cache[slot];
                    pos++;
                    if (cached != null && sameAscii(cached, start, len)) {
                        return cached;
                    }
                    String key = new String(in, start, len, StandardCharsets.ISO_8859_1);
                    cache[slot] = key;
                    return key;
                }
                if (b < 0x20 || b == '\\') {
                    break; // non-ASCII, control or escape: the general path
                }
                hash = 31 * hash + b;
                pos++;
            }
            pos = save;
            return readString();
        }

        private boolean sameAscii(String s, int start, int len) {
            if (s.length() != len) {
                return false;
            }
            for (int i = 0; i < len; i++) {
                if (s.charAt(i) != in[start + i]) {
                    return false;
                }
            }
            return true;
        }

        /** A double-quoted string; escapes decoded; bytes between escapes decoded as UTF-8. */
        private String readString() throws NotFast {
            expect('"');
            int start = pos;
            while (true) {
                if (pos >= end) {
                    throw NotFast.INSTANCE;
                }
                byte b = in[pos];
                if (b == '"') {
                    String s = new String(in, start, pos - start, StandardCharsets.UTF_8);
                    pos++;
                    return s;
                }
                if (b == '\\') {
                    return readEscapedString(start);
                }
                if (b >= 0 && b < 0x20) {
                    throw NotFast.INSTANCE;
                }
                pos++;
            }
        }

        /**
         * A string with escapes, from its opening quote's next byte {@code start}; {@link #pos} is at the first
         * backslash. ASCII-only strings (the properties string with its 0x01/0x02 escapes) are decoded into the
         * per-thread char scratch, so the result is the only allocation; others go through a StringBuilder.
         */
        private String readEscapedString(int start) throws NotFast {
            int firstEscape = pos;
            String ascii = readEscapedAscii(start);
            if (ascii != null) {
                return ascii;
            }
            pos = firstEscape;
            return readEscapedUtf8(start);
        }

        /** @return the string, or null at the first non-ASCII byte (the caller resets {@link #pos}) */
        private String readEscapedAscii(int start) throws NotFast {
            char[] chars = CHAR_SCRATCH.get();
            int n = 0;
            pos = start;
            while (true) {
                if (pos >= end) {
                    throw NotFast.INSTANCE;
                }
                byte b = in[pos];
                if (b == '"') {
                    pos++;
                    return new String(chars, 0, n);
                }
                if (b < 0) {
                    return null;
                }
                if (b < 0x20) {
                    throw NotFast.INSTANCE;
                }
                if (n == chars.length) {
                    chars = java.util.Arrays.copyOf(chars, chars.length * 2);
                    if (chars.length <= 64 * 1024) {
                        CHAR_SCRATCH.set(chars);
                    }
                }
                if (b == '\\') {
                    pos++;
                    chars[n++] = unescape();
                } else {
                    chars[n++] = (char) b;
                    pos++;
                }
            }
        }

        private String readEscapedUtf8(int start) throws NotFast {
            StringBuilder sb = new StringBuilder(pos - start + 16);
            int chunk = start;
            while (true) {
                if (pos >= end) {
                    throw NotFast.INSTANCE;
                }
                byte b = in[pos];
                if (b == '"') {
                    appendUtf8(sb, chunk, pos);
                    pos++;
                    return sb.toString();
                }
                if (b >= 0 && b < 0x20) {
                    throw NotFast.INSTANCE;
                }
                if (b != '\\') {
                    pos++;
                    continue;
                }
                appendUtf8(sb, chunk, pos);
                pos++;
                sb.append(unescape());
                chunk = pos;
            }
        }

        /** The character of the escape whose backslash was just consumed; moves past it. */
        private char unescape() throws NotFast {
            if (pos >= end) {
                throw NotFast.INSTANCE;
            }
            byte e = in[pos++];
            return switch (e) {
                case '"' -> '"';
                case '\\' -> '\\';
                case '/' -> '/';
                case 'b' -> '\b';
                case 'f' -> '\f';
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 't' -> '\t';
                case 'u' -> unicodeEscape();
                default -> throw NotFast.INSTANCE;
            };
        }

        private char unicodeEscape() throws NotFast {
            if (pos + 4 > end) {
                throw NotFast.INSTANCE;
            }
            int v = 0;
            for (int i = 0; i < 4; i++) {
                v = (v << 4) | hex(in[pos++]);
            }
            return (char) v;
        }

        private void appendUtf8(StringBuilder sb, int from, int to) {
            if (to <= from) {
                return;
            }
            sb.append(new String(in, from, to - from, StandardCharsets.UTF_8));
        }

        private static int hex(byte b) throws NotFast {
            if (b >= '0' && b <= '9') {
                return b - '0';
            }
            if (b >= 'a' && b <= 'f') {
                return b - 'a' + 10;
            }
            if (b >= 'A' && b <= 'F') {
                return b - 'A' + 10;
            }
            throw NotFast.INSTANCE;
        }

        private void literal(String word) throws NotFast {
            skipWhitespace();
            if (pos + word.length() > end) {
                throw NotFast.INSTANCE;
            }
            for (int i = 0; i < word.length(); i++) {
                if (in[pos + i] != word.charAt(i)) {
                    throw NotFast.INSTANCE;
                }
            }
            pos += word.length();
        }

        private void expect(char c) throws NotFast {
            if (next() != c) {
                throw NotFast.INSTANCE;
            }
        }

        private int next() throws NotFast {
            skipWhitespace();
            if (pos >= end) {
                throw NotFast.INSTANCE;
            }
            return in[pos++];
        }

        private int peek() throws NotFast {
            skipWhitespace();
            if (pos >= end) {
                throw NotFast.INSTANCE;
            }
            return in[pos];
        }

        private void skipWhitespace() {
            while (pos < end) {
                byte b = in[pos];
                if (b == ' ' || b == '\n' || b == '\r' || b == '\t') {
                    pos++;
                } else {
                    return;
                }
            }
        }
    }

    private static LanguageCode language(String name) {
        if (name == null) {
            return LanguageCode.JAVA;
        }
        for (LanguageCode language : LANGUAGES) {
            if (language.name().equals(name)) {
                return language;
            }
        }
        return LanguageCode.OTHER;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
