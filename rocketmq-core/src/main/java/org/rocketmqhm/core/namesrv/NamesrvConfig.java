package org.rocketmqhm.core.namesrv;

import org.rocketmqhm.core.remoting.netty.NettyServerConfig;

import java.io.File;

/**
 * Settings of a name server. Names follow Apache's where they exist.
 *
 * @since 0.1.0
 */
public class NamesrvConfig {
    private String bindAddress = "0.0.0.0";
    private int listenPort = 9876;

    /** TLS on the client port: {@code disabled}, {@code permissive} (TLS and plain) or {@code enforcing} (JVM property {@code tls.server.mode}). */
    private String tlsServerMode = System.getProperty("tls.server.mode", "permissive");

    /** PEM certificate served to TLS clients; a self-signed one is generated when unset ({@code tls.server.certPath}). */
    private String tlsServerCertPath = System.getProperty("tls.server.certPath");

    /** PKCS#8 PEM private key of the certificate ({@code tls.server.keyPath}). */
    private String tlsServerKeyPath = System.getProperty("tls.server.keyPath");

    /** Password of the private key, if encrypted ({@code tls.server.keyPassword}). */
    private String tlsServerKeyPassword = System.getProperty("tls.server.keyPassword");
    private long brokerChannelExpiredTime = 120_000;
    private long scanNotActiveBrokerInterval = 10_000;
    private boolean orderMessageEnable = false;
    private String kvConfigPath = System.getProperty("user.home") + File.separator + "namesrv" + File.separator
        + "kvConfig.json";

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    /** @return the port; 0 picks a free one */
    public int getListenPort() {
        return listenPort;
    }

    public void setListenPort(int listenPort) {
        this.listenPort = listenPort;
    }

    /** @return how long a broker stays registered without a new registration, in ms */
    public long getBrokerChannelExpiredTime() {
        return brokerChannelExpiredTime;
    }

    public void setBrokerChannelExpiredTime(long brokerChannelExpiredTime) {
        this.brokerChannelExpiredTime = brokerChannelExpiredTime;
    }

    public long getScanNotActiveBrokerInterval() {
        return scanNotActiveBrokerInterval;
    }

    public void setScanNotActiveBrokerInterval(long scanNotActiveBrokerInterval) {
        this.scanNotActiveBrokerInterval = scanNotActiveBrokerInterval;
    }

    public boolean isOrderMessageEnable() {
        return orderMessageEnable;
    }

    public void setOrderMessageEnable(boolean orderMessageEnable) {
        this.orderMessageEnable = orderMessageEnable;
    }

    public String getKvConfigPath() {
        return kvConfigPath;
    }

    public void setKvConfigPath(String kvConfigPath) {
        this.kvConfigPath = kvConfigPath;
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
