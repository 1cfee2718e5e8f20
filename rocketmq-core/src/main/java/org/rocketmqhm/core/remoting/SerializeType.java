package org.rocketmqhm.core.remoting;

/**
 * Header serialization announced in the top byte of a frame's header word.
 *
 * @since 0.1.0
 */
public enum SerializeType {
    JSON(0), ROCKETMQ(1);

    private final byte code;

    SerializeType(int code) {
        this.code = (byte) code;
    }

    public byte code() {
        return code;
    }

    /** @return the type for a header-word code, or {@code null} when the code is unknown */
    public static SerializeType fromCode(int code) {
        return switch (code) {
            case 0 -> JSON;
            case 1 -> ROCKETMQ;
            default -> null;
        };
    }
}
