package org.rocketmqhm.core.broker.config;

import org.rocketmqhm.core.remoting.netty.NettyServerConfig;

import org.rocketmqhm.core.store.config.BrokerRole;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Settings of a broker. Property names are Apache's {@code broker.properties} keys, so a properties file binds by
 * name through {@link ConfigBinder}; store settings live in {@code MessageStoreConfig}. Mutable, not thread-safe:
 * fill it before starting the broker and call {@link #validate()}.
 *
 * @since 0.1.0
 */
public class BrokerConfig {

    /** Cluster this broker belongs to. */
    private String brokerClusterName = "DefaultCluster";

    /** Broker name shared by a master and its slaves. */
    private String brokerName = defaultBrokerName();

    /** 0 for the master, above 0 for slaves. */
    private long brokerId = 0;

    /** Address clients and name servers reach this broker on. */
    private String brokerIP1 = defaultAddress();

    /** Address of the HA service (slaves connect to it). */
    private String brokerIP2 = defaultAddress();

    /** Port clients connect to; 0 picks a free port. */
    private int listenPort = 10911;

    /** TLS on the client port: {@code disabled}, {@code permissive} (TLS and plain) or {@code enforcing} (JVM property {@code tls.server.mode}). */
    private String tlsServerMode = System.getProperty("tls.server.mode", "permissive");

    /** PEM certificate served to TLS clients; a self-signed one is generated when unset ({@code tls.server.certPath}). */
    private String tlsServerCertPath = System.getProperty("tls.server.certPath");

    /** PKCS#8 PEM private key of the certificate ({@code tls.server.keyPath}). */
    private String tlsServerKeyPath = System.getProperty("tls.server.keyPath");

    /** Password of the private key, if encrypted ({@code tls.server.keyPassword}). */
    private String tlsServerKeyPassword = System.getProperty("tls.server.keyPassword");

    /** Name servers, {@code host:port} separated by semicolons. */
    private String namesrvAddr = null;
    private int defaultQueryMaxNum = 32;

    /** Broker-wide permission bits (read 4, write 2, inherit 1). */
    private int brokerPermission = 6;

    /** Whether unknown topics are created on first send through TBW102. */
    private boolean autoCreateTopicEnable = true;

    /** Whether consumer groups are created on first heartbeat. */
    private boolean autoCreateSubscriptionGroup = true;

    /** Queue count of TBW102 and other default topics. */
    private int defaultTopicQueueNums = 8;

    /** Whether the cluster-name topic is readable and writable. */
    private boolean clusterTopicEnable = true;

    /** Whether the broker-name topic is readable and writable. */
    private boolean brokerTopicEnable = true;

    /** Whether RMQ_SYS_TRACE_TOPIC is created at start. */
    private boolean traceTopicEnable = false;

    /** Topic for message traces. */
    private String msgTraceTopicName = "RMQ_SYS_TRACE_TOPIC";

    /** Milliseconds between registrations to the name servers. */
    private int registerNameServerPeriod = 30000;

    /** Whether pulls with nothing to return are held until a message arrives. */
    private boolean longPollingEnable = true;

    /** Hold time of a pull when long polling is disabled. */
    private long shortPollingTimeMills = 1000;

    /** Region reported in the MSG_REGION ext field of send responses. */
    private String regionId = "DefaultRegion";

    /** Value of the TRACE_ON ext field of send responses. */
    private boolean traceOn = true;

    /**
     * Whether stored messages get the {@code MSG_REGION} ({@link #regionId}) and {@code TRACE_ON} ({@link #traceOn})
     * properties, as Apache's broker adds them once a send-message hook is installed (its default broker has none).
     * Apache's 5.x client drops every consume trace (SubBefore / SubAfter) of a message without {@code MSG_REGION}.
     */
    private boolean msgRegionPropertiesEnable = true;

    /** Kept for configuration compatibility; pulls are always zero-copy. */
    private boolean transferMsgByHeap = true;

    /** Threads serving sends. */
    private int sendMessageThreadPoolNums = 4;

    /** Threads serving pulls. */
    private int pullMessageThreadPoolNums = 16 + Runtime.getRuntime().availableProcessors() * 2;

    /** Threads serving admin requests. */
    private int adminBrokerThreadPoolNums = 4;

    /** Threads serving heartbeats and client management. */
    private int clientManageThreadPoolNums = 8;

    /** Threads serving consumer offsets and queries. */
    private int consumerManageThreadPoolNums = 8;

    /** Milliseconds between writes of consumerOffset.json. */
    private int flushConsumerOffsetInterval = 5000;

    /** Whether prepared transactional messages are refused. */
    private boolean rejectTransactionMessage = false;

    /** Milliseconds before a half message is checked back. */
    private long transactionTimeOut = 6000;

    /** Maximum check-backs of a half message. */
    private int transactionCheckMax = 15;

    /** Milliseconds between transaction check scans. */
    private long transactionCheckInterval = 60000;

    /** Whether SQL92 subscriptions are accepted. */
    private boolean enablePropertyFilter = false;

    /**
     * Whether pulls of {@code %RETRY%<group>} also apply the group's SQL92 subscription of each message's original
     * topic ({@code RETRY_TOPIC}).
     */
    private boolean filterSupportRetry = false;

    /** Whether SEND_REPLY_MESSAGE also stores the reply in {@code <cluster>_REPLY_TOPIC}. */
    private boolean storeReplyMessageEnable = true;

    /** Whether consumers may be sent to slaves when they lag. */
    private boolean slaveReadEnable = false;

    /** Sends before this time (epoch ms) are refused. */
    private long startAcceptSendRequestTimeStamp = 0;

    /** Milliseconds without heartbeat before a client is dropped. */
    private long channelExpiredTimeout = 120000;

    /** Whether consumers are told when their group changes. */
    private boolean notifyConsumerIdsChangedEnable = true;

    /** Kept for compatibility; registrations are sent uncompressed. */
    private boolean compressedRegister = false;

    /** Whether every periodic registration sends the full topic table. */
    private boolean forceRegister = true;

    /** Timeout of one registration. */
    private int registerBrokerTimeoutMills = 6000;

    /** Milliseconds an ordered-consumption queue lock lives without renewal. */
    private long maxLockLiveTime = 60000;

    /** Role of this broker (masters accept writes, slaves replicate). */
    private BrokerRole brokerRole = BrokerRole.ASYNC_MASTER;

    /** Whether plain ACL ({@code <rocketmqHome>/conf/plain_acl.yml}) is enforced on every request. */
    private boolean aclEnable = false;

    /** Home folder holding {@code conf/plain_acl.yml}; default JVM {@code rocketmq.home.dir}, else env ROCKETMQ_HOME. */
    private String rocketmqHome = System.getProperty("rocketmq.home.dir", System.getenv("ROCKETMQ_HOME"));

    /** @return the name servers of {@link #getNamesrvAddr()}, trimmed, without blanks */
    public List<String> namesrvAddressList() {
        if (namesrvAddr == null || namesrvAddr.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : namesrvAddr.split(";")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /**
     * Checks the values.
     *
     * @throws IllegalArgumentException naming the first invalid key
     */
    public void validate() {
        require(brokerClusterName != null && !brokerClusterName.isBlank(), "brokerClusterName", "must not be blank");
        require(brokerName != null && !brokerName.isBlank(), "brokerName", "must not be blank");
        require(brokerId >= 0, "brokerId", "must be >= 0");
        require(brokerIP1 != null && !brokerIP1.isBlank(), "brokerIP1", "must not be blank");
        require(listenPort >= 0 && listenPort <= 65535, "listenPort", "must be within 0..65535");
        require(brokerPermission >= 0 && brokerPermission <= 15, "brokerPermission", "must be within 0..15");
        require(defaultTopicQueueNums > 0 && defaultTopicQueueNums <= 1024, "defaultTopicQueueNums",
            "must be within 1..1024");
        require(registerNameServerPeriod > 0, "registerNameServerPeriod", "must be > 0");
        require(shortPollingTimeMills > 0, "shortPollingTimeMills", "must be > 0");
        require(sendMessageThreadPoolNums > 0, "sendMessageThreadPoolNums", "must be > 0");
        require(pullMessageThreadPoolNums > 0, "pullMessageThreadPoolNums", "must be > 0");
        require(adminBrokerThreadPoolNums > 0, "adminBrokerThreadPoolNums", "must be > 0");
        require(clientManageThreadPoolNums > 0, "clientManageThreadPoolNums", "must be > 0");
        require(consumerManageThreadPoolNums > 0, "consumerManageThreadPoolNums", "must be > 0");
        require(flushConsumerOffsetInterval > 0, "flushConsumerOffsetInterval", "must be > 0");
        require(transactionTimeOut > 0, "transactionTimeOut", "must be > 0");
        require(transactionCheckMax > 0, "transactionCheckMax", "must be > 0");
        require(transactionCheckInterval > 0, "transactionCheckInterval", "must be > 0");
        require(channelExpiredTimeout > 0, "channelExpiredTimeout", "must be > 0");
        require(brokerRole != null, "brokerRole", "must be one of ASYNC_MASTER, SYNC_MASTER, SLAVE");
        require(brokerRole == BrokerRole.SLAVE ? brokerId > 0 : brokerId == 0, "brokerId",
            "must be 0 for a master and > 0 for a slave (brokerRole=" + brokerRole + ")");
        for (String address : namesrvAddressList()) {
            int colon = address.lastIndexOf(':');
            boolean valid = colon > 0 && colon < address.length() - 1;
            if (valid) {
                try {
                    int port = Integer.parseInt(address.substring(colon + 1));
                    valid = port > 0 && port <= 65535;
                } catch (NumberFormatException e) {
                    valid = false;
                }
            }
            require(valid, "namesrvAddr", "entry '" + address + "' is not host:port");
        }
    }

    private static void require(boolean condition, String key, String message) {
        if (!condition) {
            throw new IllegalArgumentException("broker config " + key + " " + message);
        }
    }

    /** @return the host name, or {@code DEFAULT_BROKER} when it cannot be resolved */
    static String defaultBrokerName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "DEFAULT_BROKER";
        }
    }

    /** @return the first site-local IPv4 address, else any non-loopback one, else 127.0.0.1 */
    static String defaultAddress() {
        String fallback = "127.0.0.1";
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nif.isUp() || nif.isLoopback() || nif.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nif.getInetAddresses())) {
                    if (address instanceof java.net.Inet4Address) {
                        if (address.isSiteLocalAddress()) {
                            return address.getHostAddress();
                        }
                        fallback = address.getHostAddress();
                    }
                }
            }
        } catch (Exception e) {
            return fallback;
        }
        return fallback;
    }

    public BrokerRole getBrokerRole() {
        return brokerRole;
    }

    public void setBrokerRole(BrokerRole brokerRole) {
        this.brokerRole = brokerRole;
    }

    public String getBrokerClusterName() {
        return brokerClusterName;
    }

    public void setBrokerClusterName(String brokerClusterName) {
        this.brokerClusterName = brokerClusterName;
    }

    public String getBrokerName() {
        return brokerName;
    }

    public void setBrokerName(String brokerName) {
        this.brokerName = brokerName;
    }

    public long getBrokerId() {
        return brokerId;
    }

    public void setBrokerId(long brokerId) {
        this.brokerId = brokerId;
    }

    public String getBrokerIP1() {
        return brokerIP1;
    }

    public void setBrokerIP1(String brokerIP1) {
        this.brokerIP1 = brokerIP1;
    }

    public String getBrokerIP2() {
        return brokerIP2;
    }

    public void setBrokerIP2(String brokerIP2) {
        this.brokerIP2 = brokerIP2;
    }

    public int getListenPort() {
        return listenPort;
    }

    public void setListenPort(int listenPort) {
        this.listenPort = listenPort;
    }

    public String getNamesrvAddr() {
        return namesrvAddr;
    }

    public void setNamesrvAddr(String namesrvAddr) {
        this.namesrvAddr = namesrvAddr;
    }

    public int getBrokerPermission() {
        return brokerPermission;
    }

    public void setBrokerPermission(int brokerPermission) {
        this.brokerPermission = brokerPermission;
    }

    public boolean isAutoCreateTopicEnable() {
        return autoCreateTopicEnable;
    }

    public void setAutoCreateTopicEnable(boolean autoCreateTopicEnable) {
        this.autoCreateTopicEnable = autoCreateTopicEnable;
    }

    public boolean isAutoCreateSubscriptionGroup() {
        return autoCreateSubscriptionGroup;
    }

    public void setAutoCreateSubscriptionGroup(boolean autoCreateSubscriptionGroup) {
        this.autoCreateSubscriptionGroup = autoCreateSubscriptionGroup;
    }

    public int getDefaultTopicQueueNums() {
        return defaultTopicQueueNums;
    }

    public void setDefaultTopicQueueNums(int defaultTopicQueueNums) {
        this.defaultTopicQueueNums = defaultTopicQueueNums;
    }

    public boolean isClusterTopicEnable() {
        return clusterTopicEnable;
    }

    public void setClusterTopicEnable(boolean clusterTopicEnable) {
        this.clusterTopicEnable = clusterTopicEnable;
    }

    public boolean isBrokerTopicEnable() {
        return brokerTopicEnable;
    }

    public void setBrokerTopicEnable(boolean brokerTopicEnable) {
        this.brokerTopicEnable = brokerTopicEnable;
    }

    public boolean isTraceTopicEnable() {
        return traceTopicEnable;
    }

    public void setTraceTopicEnable(boolean traceTopicEnable) {
        this.traceTopicEnable = traceTopicEnable;
    }

    public String getMsgTraceTopicName() {
        return msgTraceTopicName;
    }

    public void setMsgTraceTopicName(String msgTraceTopicName) {
        this.msgTraceTopicName = msgTraceTopicName;
    }

    public int getRegisterNameServerPeriod() {
        return registerNameServerPeriod;
    }

    public void setRegisterNameServerPeriod(int registerNameServerPeriod) {
        this.registerNameServerPeriod = registerNameServerPeriod;
    }

    public boolean isLongPollingEnable() {
        return longPollingEnable;
    }

    public void setLongPollingEnable(boolean longPollingEnable) {
        this.longPollingEnable = longPollingEnable;
    }

    public long getShortPollingTimeMills() {
        return shortPollingTimeMills;
    }

    public void setShortPollingTimeMills(long shortPollingTimeMills) {
        this.shortPollingTimeMills = shortPollingTimeMills;
    }

    public String getRegionId() {
        return regionId;
    }

    public void setRegionId(String regionId) {
        this.regionId = regionId;
    }

    public boolean isTraceOn() {
        return traceOn;
    }

    public void setTraceOn(boolean traceOn) {
        this.traceOn = traceOn;
    }

    public boolean isMsgRegionPropertiesEnable() {
        return msgRegionPropertiesEnable;
    }

    public void setMsgRegionPropertiesEnable(boolean msgRegionPropertiesEnable) {
        this.msgRegionPropertiesEnable = msgRegionPropertiesEnable;
    }

    public boolean isTransferMsgByHeap() {
        return transferMsgByHeap;
    }

    public void setTransferMsgByHeap(boolean transferMsgByHeap) {
        this.transferMsgByHeap = transferMsgByHeap;
    }

    public int getSendMessageThreadPoolNums() {
        return sendMessageThreadPoolNums;
    }

    public void setSendMessageThreadPoolNums(int sendMessageThreadPoolNums) {
        this.sendMessageThreadPoolNums = sendMessageThreadPoolNums;
    }

    public int getPullMessageThreadPoolNums() {
        return pullMessageThreadPoolNums;
    }

    public void setPullMessageThreadPoolNums(int pullMessageThreadPoolNums) {
        this.pullMessageThreadPoolNums = pullMessageThreadPoolNums;
    }

    public int getAdminBrokerThreadPoolNums() {
        return adminBrokerThreadPoolNums;
    }

    public void setAdminBrokerThreadPoolNums(int adminBrokerThreadPoolNums) {
        this.adminBrokerThreadPoolNums = adminBrokerThreadPoolNums;
    }

    public int getClientManageThreadPoolNums() {
        return clientManageThreadPoolNums;
    }

    public void setClientManageThreadPoolNums(int clientManageThreadPoolNums) {
        this.clientManageThreadPoolNums = clientManageThreadPoolNums;
    }

    public int getConsumerManageThreadPoolNums() {
        return consumerManageThreadPoolNums;
    }

    public void setConsumerManageThreadPoolNums(int consumerManageThreadPoolNums) {
        this.consumerManageThreadPoolNums = consumerManageThreadPoolNums;
    }

    public int getFlushConsumerOffsetInterval() {
        return flushConsumerOffsetInterval;
    }

    public void setFlushConsumerOffsetInterval(int flushConsumerOffsetInterval) {
        this.flushConsumerOffsetInterval = flushConsumerOffsetInterval;
    }

    public boolean isRejectTransactionMessage() {
        return rejectTransactionMessage;
    }

    public void setRejectTransactionMessage(boolean rejectTransactionMessage) {
        this.rejectTransactionMessage = rejectTransactionMessage;
    }

    public long getTransactionTimeOut() {
        return transactionTimeOut;
    }

    public void setTransactionTimeOut(long transactionTimeOut) {
        this.transactionTimeOut = transactionTimeOut;
    }

    public int getTransactionCheckMax() {
        return transactionCheckMax;
    }

    public void setTransactionCheckMax(int transactionCheckMax) {
        this.transactionCheckMax = transactionCheckMax;
    }

    public long getTransactionCheckInterval() {
        return transactionCheckInterval;
    }

    public void setTransactionCheckInterval(long transactionCheckInterval) {
        this.transactionCheckInterval = transactionCheckInterval;
    }

    public boolean isFilterSupportRetry() {
        return filterSupportRetry;
    }

    public void setFilterSupportRetry(boolean filterSupportRetry) {
        this.filterSupportRetry = filterSupportRetry;
    }

    public boolean isEnablePropertyFilter() {
        return enablePropertyFilter;
    }

    public void setEnablePropertyFilter(boolean enablePropertyFilter) {
        this.enablePropertyFilter = enablePropertyFilter;
    }

    public boolean isSlaveReadEnable() {
        return slaveReadEnable;
    }

    public void setSlaveReadEnable(boolean slaveReadEnable) {
        this.slaveReadEnable = slaveReadEnable;
    }

    public long getStartAcceptSendRequestTimeStamp() {
        return startAcceptSendRequestTimeStamp;
    }

    public void setStartAcceptSendRequestTimeStamp(long startAcceptSendRequestTimeStamp) {
        this.startAcceptSendRequestTimeStamp = startAcceptSendRequestTimeStamp;
    }

    public long getChannelExpiredTimeout() {
        return channelExpiredTimeout;
    }

    public void setChannelExpiredTimeout(long channelExpiredTimeout) {
        this.channelExpiredTimeout = channelExpiredTimeout;
    }

    public boolean isAclEnable() {
        return aclEnable;
    }

    public void setAclEnable(boolean aclEnable) {
        this.aclEnable = aclEnable;
    }

    public String getRocketmqHome() {
        return rocketmqHome;
    }

    public void setRocketmqHome(String rocketmqHome) {
        this.rocketmqHome = rocketmqHome;
    }

    /**
     * @return the plain ACL file: {@code <rocketmqHome>/conf/plain_acl.yml}, or {@code <rocketmqHome>/<path>} when
     *     the JVM property {@code rocketmq.acl.plain.file} names another path (Apache's convention)
     */
    public Path plainAclFile() {
        String home = rocketmqHome == null || rocketmqHome.isBlank() ? "." : rocketmqHome;
        String relative = System.getProperty("rocketmq.acl.plain.file", "conf/plain_acl.yml");
        return Path.of(home, relative.startsWith("/") ? relative.substring(1) : relative);
    }

    public boolean isNotifyConsumerIdsChangedEnable() {
        return notifyConsumerIdsChangedEnable;
    }

    public void setNotifyConsumerIdsChangedEnable(boolean notifyConsumerIdsChangedEnable) {
        this.notifyConsumerIdsChangedEnable = notifyConsumerIdsChangedEnable;
    }

    public boolean isCompressedRegister() {
        return compressedRegister;
    }

    public void setCompressedRegister(boolean compressedRegister) {
        this.compressedRegister = compressedRegister;
    }

    public boolean isForceRegister() {
        return forceRegister;
    }

    public void setForceRegister(boolean forceRegister) {
        this.forceRegister = forceRegister;
    }

    public int getRegisterBrokerTimeoutMills() {
        return registerBrokerTimeoutMills;
    }

    public void setRegisterBrokerTimeoutMills(int registerBrokerTimeoutMills) {
        this.registerBrokerTimeoutMills = registerBrokerTimeoutMills;
    }

    public long getMaxLockLiveTime() {
        return maxLockLiveTime;
    }

    public void setMaxLockLiveTime(long maxLockLiveTime) {
        this.maxLockLiveTime = maxLockLiveTime;
    }

    /** @return how many messages a query by unique id returns at most */
    public int getDefaultQueryMaxNum() {
        return defaultQueryMaxNum;
    }

    public void setDefaultQueryMaxNum(int defaultQueryMaxNum) {
        this.defaultQueryMaxNum = defaultQueryMaxNum;
    }

    public boolean isStoreReplyMessageEnable() {
        return storeReplyMessageEnable;
    }

    public void setStoreReplyMessageEnable(boolean storeReplyMessageEnable) {
        this.storeReplyMessageEnable = storeReplyMessageEnable;
    }

    public String getTlsServerMode() {
        return tlsServerMode;
    }

    public void setTlsServerMode(String tlsServerMode) {
        this.tlsServerMode = tlsServerMode;
    }

    public String getTlsServerCertPath() {
        return tlsServerCertPath;
    }

    public void setTlsServerCertPath(String tlsServerCertPath) {
        this.tlsServerCertPath = tlsServerCertPath;
    }

    public String getTlsServerKeyPath() {
        return tlsServerKeyPath;
    }

    public void setTlsServerKeyPath(String tlsServerKeyPath) {
        this.tlsServerKeyPath = tlsServerKeyPath;
    }

    public String getTlsServerKeyPassword() {
        return tlsServerKeyPassword;
    }

    public void setTlsServerKeyPassword(String tlsServerKeyPassword) {
        this.tlsServerKeyPassword = tlsServerKeyPassword;
    }

    /** Copies the TLS settings into the remoting server's config. */
    public void applyTls(NettyServerConfig server) {
        server.setTlsMode(tlsServerMode);
        server.setTlsServerCertPath(tlsServerCertPath);
        server.setTlsServerKeyPath(tlsServerKeyPath);
        server.setTlsServerKeyPassword(tlsServerKeyPassword);
    }
}
