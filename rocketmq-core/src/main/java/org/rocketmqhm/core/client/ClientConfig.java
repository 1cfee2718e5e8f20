package org.rocketmqhm.core.client;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.util.Collections;
import java.util.Objects;

/**
 * Where the name servers are and who this process is. Producers and consumers with equal {@link #clientId()} and
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
