package org.rocketmqhm.core.client.acl;

import io.netty.buffer.ByteBuf;
import org.rocketmqhm.core.acl.AclSigner;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RpcHook;

import javax.crypto.spec.SecretKeySpec;
import java.util.Map;
import java.util.Objects;

/**
 * Signs every request the way ACL 1.0 brokers (Apache 4.9.x {@code aclEnable=true}) verify it (protocol §7.1):
 * ext {@code AccessKey} (and {@code SecurityToken} when set) is added, all ext entries except {@code Signature}
 * are sorted by key ({@link String} natural order), their values concatenated (UTF-8) followed by the body bytes,
 * and ext {@code Signature} = Base64(HMAC-SHA1(secretKey, that content)). Thread-safe.
 *
 * @since 0.2.0
 */
public final class AclClientRpcHook implements RpcHook {

    public static final String ACCESS_KEY = AclSigner.ACCESS_KEY;
    public static final String SECRET_KEY = AclSigner.SECRET_KEY;
    public static final String SIGNATURE = AclSigner.SIGNATURE;
    public static final String SECURITY_TOKEN = AclSigner.SECURITY_TOKEN;

    private final String accessKey;
    private final SecretKeySpec secretKey;
    private final String securityToken;

    /**
     * @param accessKey the account's access key
     * @param secretKey the account's secret key
     * @param securityToken optional token sent along (signed too), may be null
     */
    public AclClientRpcHook(String accessKey, String secretKey, String securityToken) {
        this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
        this.secretKey = AclSigner.key(Objects.requireNonNull(secretKey, "secretKey"));
        this.securityToken = securityToken == null || securityToken.isEmpty() ? null : securityToken;
    }

    public String accessKey() {
        return accessKey;
    }

    @Override
    public void beforeRequest(String remoteAddress, RemotingCommand request) {
        Map<String, String> ext = request.extFieldsForWrite();
        ext.remove(SIGNATURE);
        ext.put(ACCESS_KEY, accessKey);
        if (securityToken != null) {
            ext.put(SECURITY_TOKEN, securityToken);
        }
        ext.put(SIGNATURE, sign(ext, body(request)));
    }

    /** @return the signature of the ext entries (without {@code Signature}) and the body */
    public String sign(Map<String, String> ext, byte[] body) {
        return AclSigner.sign(secretKey, ext, null, body);
    }

    private static byte[] body(RemotingCommand request) {
        ByteBuf buf = request.getBodyBuf();
        if (buf != null) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.getBytes(buf.readerIndex(), bytes);
            return bytes;
        }
        return request.getBody();
    }
}
