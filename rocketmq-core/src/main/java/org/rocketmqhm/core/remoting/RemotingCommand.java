package org.rocketmqhm.core.remoting;

import io.netty.buffer.ByteBuf;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One request or response of the remoting protocol: the logical header fields, the custom-header
 * {@code extFields} and an opaque body.
 *
 * <p>The body is either a byte array or, for zero-copy responses, a Netty {@link ByteBuf} that the encoder
 * writes as is and releases. Not thread-safe: a command belongs to one thread until it is written.
 *
 * @since 0.1.0
 */
public final class RemotingCommand {

    /** Version ordinal we announce: 4.9.8, which peers branch on (route JSON, reconsume overrides). */
    public static final int CURRENT_VERSION = 409;

    static final int RESPONSE_FLAG = 0x1;
    static final int ONEWAY_FLAG = 0x2;

    private static final AtomicInteger OPAQUE = new AtomicInteger();

    private int code;
    private LanguageCode language = LanguageCode.JAVA;
    private int version = CURRENT_VERSION;
    private int opaque;
    private int flag;
    private String remark;
    private Map<String, String> extFields;
    private byte[] body;
    private ByteBuf bodyBuf;
    private SerializeType serializeType = SerializeType.JSON;

    public RemotingCommand() {
    }

    /** A new request with a fresh opaque. */
    public static RemotingCommand request(int code) {
        RemotingCommand command = new RemotingCommand();
        command.code = code;
        command.opaque = OPAQUE.getAndIncrement();
        return command;
    }

    /** A new request with a fresh opaque and the given custom header. */
    public static RemotingCommand request(int code, Object header) {
        RemotingCommand command = request(code);
        if (header != null) {
            HeaderCodec.encode(header, command.extFieldsForWrite());
        }
        return command;
    }

    /** A response not yet tied to a request: {@link RemotingContext#writeResponse} sets opaque and serialization. */
    public static RemotingCommand response(int code, String remark) {
        RemotingCommand command = new RemotingCommand();
        command.code = code;
        command.remark = remark;
        command.markResponse();
        return command;
    }

    /** A response to the given request: same opaque and serialization. */
    public static RemotingCommand responseTo(RemotingCommand request, int code, String remark) {
        RemotingCommand command = response(code, remark);
        command.opaque = request.opaque;
        command.serializeType = request.serializeType;
        return command;
    }

    public boolean isResponse() {
        return (flag & RESPONSE_FLAG) != 0;
    }

    public boolean isOneway() {
        return (flag & ONEWAY_FLAG) != 0;
    }

    public RemotingCommand markResponse() {
        flag |= RESPONSE_FLAG;
        return this;
    }

    public RemotingCommand markOneway() {
        flag |= ONEWAY_FLAG;
        return this;
    }

    /** @return the ext map, created on first use */
    public Map<String, String> extFieldsForWrite() {
        if (extFields == null) {
            extFields = new HashMap<>(16);
        }
        return extFields;
    }

    public RemotingCommand putExt(String key, Object value) {
        if (value != null) {
            extFieldsForWrite().put(key, String.valueOf(value));
        }
        return this;
    }

    public String ext(String key) {
        return extFields == null ? null : extFields.get(key);
    }

    /** Decodes the ext fields into a header record, see {@link HeaderCodec#decode}. */
    public <T> T decodeHeader(Class<T> type) throws RemotingCommandException {
        return HeaderCodec.decode(extFields, type);
    }

    /** Writes a custom header's fields into the ext fields. */
    public RemotingCommand writeHeader(Object header) {
        HeaderCodec.encode(header, extFieldsForWrite());
        return this;
    }

    public int bodyLength() {
        if (bodyBuf != null) {
            return bodyBuf.readableBytes();
        }
        return body == null ? 0 : body.length;
    }

    public int getCode() {
        return code;
    }

    public RemotingCommand setCode(int code) {
        this.code = code;
        return this;
    }

    public LanguageCode getLanguage() {
        return language;
    }

    public RemotingCommand setLanguage(LanguageCode language) {
        this.language = language;
        return this;
    }

    public int getVersion() {
        return version;
    }

    public RemotingCommand setVersion(int version) {
        this.version = version;
        return this;
    }

    public int getOpaque() {
        return opaque;
    }

    public RemotingCommand setOpaque(int opaque) {
        this.opaque = opaque;
        return this;
    }

    public int getFlag() {
        return flag;
    }

    public RemotingCommand setFlag(int flag) {
        this.flag = flag;
        return this;
    }

    public String getRemark() {
        return remark;
    }

    public RemotingCommand setRemark(String remark) {
        this.remark = remark;
        return this;
    }

    public Map<String, String> getExtFields() {
        return extFields;
    }

    public RemotingCommand setExtFields(Map<String, String> extFields) {
        this.extFields = extFields;
        return this;
    }

    public byte[] getBody() {
        return body;
    }

    public RemotingCommand setBody(byte[] body) {
        this.body = body;
        return this;
    }

    /** @return the zero-copy body, owned by this command until written */
    public ByteBuf getBodyBuf() {
        return bodyBuf;
    }

    /** Sets a zero-copy body; the encoder writes and releases it. */
    public RemotingCommand setBodyBuf(ByteBuf bodyBuf) {
        this.bodyBuf = bodyBuf;
        return this;
    }

    public SerializeType getSerializeType() {
        return serializeType;
    }

    public RemotingCommand setSerializeType(SerializeType serializeType) {
        this.serializeType = serializeType;
        return this;
    }

    @Override
    public String toString() {
        return "RemotingCommand[code=" + code + ", language=" + language + ", version=" + version + ", opaque="
            + opaque + ", flag=" + flag + ", remark=" + remark + ", extFields=" + extFields + ", bodyLength="
            + bodyLength() + ", serializeType=" + serializeType + "]";
    }
}
