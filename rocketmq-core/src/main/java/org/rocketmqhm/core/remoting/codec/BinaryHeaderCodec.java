package org.rocketmqhm.core.remoting.codec;

import io.netty.buffer.ByteBuf;
import org.rocketmqhm.core.remoting.LanguageCode;
import org.rocketmqhm.core.remoting.RemotingCommand;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The ROCKETMQ binary header (serialize type 1).
 *
 * <pre>
 * code:short language:byte version:short opaque:int flag:int
 * remarkLength:int remark[remarkLength]
 * extLength:int { keyLength:short key valueLength:int value }*
 * </pre>
 * A zero length decodes as null; duplicate ext keys keep the last value. Thread-safe.
 *
 * @since 0.1.0
 */
public final class BinaryHeaderCodec {

    private BinaryHeaderCodec() {
    }

    /** Writes the header of the command into {@code out}; returns the number of bytes written. */
    public static int encode(RemotingCommand command, ByteBuf out) {
        int start = out.writerIndex();
        out.writeShort(command.getCode());
        out.writeByte(command.getLanguage().code());
        out.writeShort(command.getVersion());
        out.writeInt(command.getOpaque());
        out.writeInt(command.getFlag());
        String remark = command.getRemark();
        if (remark == null || remark.isEmpty()) {
            out.writeInt(0);
        } else {
            byte[] bytes = remark.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.writeBytes(bytes);
        }
        int extLengthIndex = out.writerIndex();
        out.writeInt(0);
        Map<String, String> ext = command.getExtFields();
        if (ext != null) {
            for (Map.Entry<String, String> entry : ext.entrySet()) {
                if (entry.getKey() == null || entry.getValue() == null) {
                    continue;
                }
                byte[] key = entry.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] value = entry.getValue().getBytes(StandardCharsets.UTF_8);
                out.writeShort(key.length);
                out.writeBytes(key);
                out.writeInt(value.length);
                out.writeBytes(value);
            }
        }
        out.setInt(extLengthIndex, out.writerIndex() - extLengthIndex - 4);
        return out.writerIndex() - start;
    }

    /** Reads a header of {@code length} bytes from {@code in}. */
    public static RemotingCommand decode(ByteBuf in, int length) {
        int end = in.readerIndex() + length;
        RemotingCommand command = new RemotingCommand();
        command.setCode(in.readShort());
        command.setLanguage(LanguageCode.fromCode(in.readByte()));
        command.setVersion(in.readShort());
        command.setOpaque(in.readInt());
        command.setFlag(in.readInt());
        command.setRemark(readString(in, in.readInt(), end));
        int extLength = in.readInt();
        checkLength(in, extLength, end);
        if (extLength > 0) {
            int extEnd = in.readerIndex() + extLength;
            Map<String, String> ext = new HashMap<>(16);
            while (in.readerIndex() < extEnd) {
                String key = readString(in, in.readShort(), extEnd);
                String value = readString(in, in.readInt(), extEnd);
                if (key != null) {
                    ext.put(key, value);
                }
            }
            command.setExtFields(ext);
        }
        return command;
    }

    private static String readString(ByteBuf in, int length, int end) {
        checkLength(in, length, end);
        if (length == 0) {
            return null;
        }
        String value = in.toString(in.readerIndex(), length, StandardCharsets.UTF_8);
        in.skipBytes(length);
        return value;
    }

    private static void checkLength(ByteBuf in, int length, int end) {
        if (length < 0 || in.readerIndex() + length > end) {
            throw new IllegalArgumentException("binary header field length " + length + " exceeds the header");
        }
    }
}
