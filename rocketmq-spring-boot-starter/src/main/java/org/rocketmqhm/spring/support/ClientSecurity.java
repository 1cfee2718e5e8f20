package org.rocketmqhm.spring.support;

import org.rocketmqhm.core.client.AccessChannel;
import org.rocketmqhm.core.client.ClientConfig;
import org.springframework.util.StringUtils;

import java.util.Locale;

/**
 * Copies the connection-level settings shared by producers, listener containers and the pull consumer onto a
 * client: namespace, ACL credentials, TLS and access channel. Blank values leave the client's defaults. Stateless.
 *
 * @since 0.2.0
 */
public final class ClientSecurity {

    private ClientSecurity() {
    }

    /**
     * @param client the producer or consumer, before it starts
     * @param namespace namespace of topic and group names, may be blank
     * @param accessKey ACL access key, may be blank
     * @param secretKey ACL secret key, may be blank
     * @param tlsEnable whether to connect with TLS
     * @param accessChannel {@code LOCAL} or {@code CLOUD} (case-insensitive), may be blank
     * @throws IllegalArgumentException for an unknown access channel
     */
    public static void apply(ClientConfig client, String namespace, String accessKey, String secretKey,
                             boolean tlsEnable, String accessChannel) {
        if (StringUtils.hasText(namespace)) {
            client.setNamespace(namespace.trim());
        }
        if (StringUtils.hasText(accessKey) && StringUtils.hasText(secretKey)) {
            client.setAccessKey(accessKey.trim());
            client.setSecretKey(secretKey.trim());
        }
        if (tlsEnable) {
            client.setTlsEnable(true);
        }
        if (StringUtils.hasText(accessChannel)) {
            client.setAccessChannel(parseAccessChannel(accessChannel));
        }
    }

    /** @return the channel named (case-insensitive); throws for anything but LOCAL or CLOUD */
    public static AccessChannel parseAccessChannel(String name) {
        try {
            return AccessChannel.valueOf(name.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown access channel '" + name + "'; use LOCAL or CLOUD", e);
        }
    }
}
