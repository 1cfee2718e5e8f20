package org.rocketmqhm.core.client;

import org.rocketmqhm.core.common.Namespaces;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Objects;

/**
 * Where the name servers are, who this process is, and how it authenticates: namespace, ACL credentials, TLS and
 * access channel. Producers and consumers with equal {@link #clientId()} and
 * name-server list share one {@link ClientInstance}. Not thread-safe; configure before {@code start()}.
 *
 * @since 0.1.0
 */
public class ClientConfig {

    private String namesrvAddr = System.getProperty("rocketmq.namesrv.addr", System.getenv("NAMESRV_ADDR"));
    private String clientIp = localIp();
    private String instanceName = String.valueOf(ProcessHandle.current().pid());
    private long pollNameServerIntervalMillis = 30_000;
    private long heartbeatBrokerIntervalMillis = 30_000;
    private long persistConsumerOffsetIntervalMillis = 5_000;
    private long rebalanceIntervalMillis = 20_000;
    private long requestTimeoutMillis = 3_000;
    private String namespace;
    private String accessKey;
    private String secretKey;
    private String securityToken;
    private boolean tlsEnable = Boolean.parseBoolean(System.getProperty("tls.enable", "false"));
    private AccessChannel accessChannel = AccessChannel.LOCAL;

    /** @return {@code ip@instanceName}, the id brokers know this client by */
    public String clientId() {
        return clientIp + "@" + instanceName;
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    /** @param namesrvAddr {@code host:port} list separated by {@code ;} */
    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    public String getClientIp() {
        return clientIp;
    }

    public void setClientIp(String clientIp) {
        this.clientIp = clientIp;
    }

    public String getInstanceName() {
        return instanceName;
    }

    public void setInstanceName(String instanceName) {
        this.instanceName = Objects.requireNonNull(instanceName);
    }

    public long getPollNameServerIntervalMillis() {
        return pollNameServerIntervalMillis;
    }

    public void setPollNameServerIntervalMillis(long millis) {
        this.pollNameServerIntervalMillis = millis;
    }

    public long getHeartbeatBrokerIntervalMillis() {
        return heartbeatBrokerIntervalMillis;
    }

    public void setHeartbeatBrokerIntervalMillis(long millis) {
        this.heartbeatBrokerIntervalMillis = millis;
    }

    public long getPersistConsumerOffsetIntervalMillis() {
        return persistConsumerOffsetIntervalMillis;
    }

    public void setPersistConsumerOffsetIntervalMillis(long millis) {
        this.persistConsumerOffsetIntervalMillis = millis;
    }

    public long getRebalanceIntervalMillis() {
        return rebalanceIntervalMillis;
    }

    public void setRebalanceIntervalMillis(long millis) {
        this.rebalanceIntervalMillis = millis;
    }

    public long getRequestTimeoutMillis() {
        return requestTimeoutMillis;
    }

    public void setRequestTimeoutMillis(long millis) {
        this.requestTimeoutMillis = millis;
    }

    /**
     * @return the namespace wrapped around topic and group names ({@code ns%topic}); when none is set and the
     *     name-server address is a cloud instance endpoint ({@code [scheme://]MQ_INST_xxx_yyy.host...}), its
     *     instance id, as Apache 4.9 clients do
     */
    public String getNamespace() {
        if (namespace != null && !namespace.isEmpty()) {
            return namespace;
        }
        return NameServerAddresses.instanceId(namesrvAddr);
    }

    /** @param namespace prefix of topic and group names on the wire; set before subscribing or starting */
    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }

    /** @return the resource as named on the wire ({@code ns%resource}); unchanged without namespace */
    public String withNamespace(String resource) {
        return Namespaces.wrap(getNamespace(), resource);
    }

    /** @return the resource without this client's namespace */
    public String withoutNamespace(String resource) {
        return Namespaces.unwrap(resource, getNamespace());
    }

    public String getAccessKey() {
        return accessKey;
    }

    /** @param accessKey ACL access key; with a secret key, every request is signed (AclClientRpcHook) */
    public void setAccessKey(String accessKey) {
        this.accessKey = accessKey;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public String getSecurityToken() {
        return securityToken;
    }

    /** @param securityToken optional ACL security token, sent (and signed) as ext {@code SecurityToken} */
    public void setSecurityToken(String securityToken) {
        this.securityToken = securityToken;
    }

    /** @return whether access key and secret key are both set, i.e. requests are signed */
    public boolean hasCredentials() {
        return accessKey != null && !accessKey.isEmpty() && secretKey != null && !secretKey.isEmpty();
    }

    /** @return whether connections use TLS (default: JVM property {@code tls.enable}) */
    public boolean isTlsEnable() {
        return tlsEnable;
    }

    public void setTlsEnable(boolean tlsEnable) {
        this.tlsEnable = tlsEnable;
    }

    public AccessChannel getAccessChannel() {
        return accessChannel;
    }

    public void setAccessChannel(AccessChannel accessChannel) {
        this.accessChannel = Objects.requireNonNull(accessChannel);
    }

    /** Copies the shared settings into another config. */
    public void copyTo(ClientConfig other) {
        other.namesrvAddr = namesrvAddr;
        other.clientIp = clientIp;
        other.instanceName = instanceName;
        other.pollNameServerIntervalMillis = pollNameServerIntervalMillis;
        other.heartbeatBrokerIntervalMillis = heartbeatBrokerIntervalMillis;
        other.persistConsumerOffsetIntervalMillis = persistConsumerOffsetIntervalMillis;
        other.rebalanceIntervalMillis = rebalanceIntervalMillis;
        other.requestTimeoutMillis = requestTimeoutMillis;
        other.namespace = namespace;
        other.accessKey = accessKey;
        other.secretKey = secretKey;
        other.securityToken = securityToken;
        other.tlsEnable = tlsEnable;
        other.accessChannel = accessChannel;
    }

    private static String localIp() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && !address.isLoopbackAddress()) {
                        return address.getHostAddress();
                    }
                }
            }
            return InetAddress.getLocalHost().getHostAddress();
        } catch (Exception e) {
            return "127.0.0.1";
        }
    }
}
