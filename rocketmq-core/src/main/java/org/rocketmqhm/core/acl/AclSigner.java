package org.rocketmqhm.core.acl;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;

/**
 * The ACL 1.0 request signature (protocol §7.1), shared by the client hook that signs and the broker validator that
 * checks: the values (not the keys) of the ext entries sorted by key in {@link String} order, without
 * {@code Signature} and without one optionally excluded key, concatenated as UTF-8, followed by the body bytes;
 * signature = Base64(HMAC-SHA1(secret key, content)). Thread-safe (one {@link Mac} per thread).
 *
 * @since 0.3.0
 */
public final class AclSigner {

    public static final String ACCESS_KEY = "AccessKey";
    public static final String SECRET_KEY = "SecretKey";
    public static final String SIGNATURE = "Signature";
    public static final String SECURITY_TOKEN = "SecurityToken";

    private static final String ALGORITHM = "HmacSHA1";

    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(() -> {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 unavailable", e);
        }
    });

    private AclSigner() {
    }

    /** @return the HMAC key of a secret key */
    public static SecretKeySpec key(String secretKey) {
        return new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    /**
     * @param key the account's secret key ({@link #key(String)})
     * @param ext the request's ext fields (header fields included)
     * @param excludedKey an ext key left out of the content besides {@code Signature}, or null
     * @param body the body, or null
     * @return the Base64 signature
     */
    public static String sign(SecretKeySpec key, Map<String, String> ext, String excludedKey, byte[] body) {
        String[] keys = ext.keySet().toArray(new String[0]);
        Arrays.sort(keys);
        StringBuilder content = new StringBuilder(128);
        for (String k : keys) {
            String value = ext.get(k);
            if (value != null && !SIGNATURE.equals(k) && !k.equals(excludedKey)) {
                content.append(value);
            }
        }
        Mac mac = MAC.get();
        try {
            mac.init(key);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("invalid HmacSHA1 key", e);
        }
        mac.update(content.toString().getBytes(StandardCharsets.UTF_8));
        if (body != null) {
            mac.update(body);
        }
        return Base64.getEncoder().encodeToString(mac.doFinal());
    }
}
