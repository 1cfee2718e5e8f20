package org.rocketmqhm.core.client.acl;

import io.netty.buffer.ByteBuf;
import org.rocketmqhm.core.remoting.RemotingCommand;
import org.rocketmqhm.core.remoting.RpcHook;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Signs every request the way ACL 1.0 brokers (Apache 4.9.x {@code aclEnable=true}) verify it (protocol §7.1):
 * ext {@code AccessKey} (and {@code SecurityToken} when set) is added, all ext entries except {@code Signature}
 * are sorted by key ({@link String} natural order), their values concatenated (UTF-8) followed by the body bytes,
 * and ext {@code Signature} = Base64(HMAC-SHA1(secretKey, that content)). Thread-safe.
 *
 * @since 0.2.0
 */
public final class AclClientRpcHook implements RpcHook {

    public static final String ACCESS_KEY = "AccessKey";
    public static final String SECRET_KEY = "SecretKey";
    public static final String SIGNATURE = "Signature";
    public static final String SECURITY_TOKEN = "SecurityToken";

    private static final String ALGORITHM = "HmacSHA1";

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
        this.secretKey = new SecretKeySpec(Objects.requireNonNull(secretKey, "secretKey")
            .getBytes(StandardCharsets.UTF_8), ALGORITHM);
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
        StringBuilder content = new StringBuilder(128);
        for (Map.Entry<String, String> entry : new TreeMap<>(ext).entrySet()) {
            if (!SIGNATURE.equals(entry.getKey()) && entry.getValue() != null) {
                content.append(entry.getValue());
            }
        }
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secretKey);
            mac.update(content.toString().getBytes(StandardCharsets.UTF_8));
            if (body != null) {
                mac.update(body);
            }
            return Base64.getEncoder().encodeToString(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
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
