package org.rocketmqhm.core.remoting.netty;

import org.rocketmqhm.core.remoting.codec.RemotingFrameDecoder;

/**
 * Settings of a remoting client.
 *
 * @since 0.1.0
 */
public class NettyClientConfig {
    private int clientWorkerThreads = 2;
    private int connectTimeoutMillis = 3000;
    private int clientChannelMaxIdleTimeSeconds = 120;
    private int maxFrameLength = RemotingFrameDecoder.DEFAULT_MAX_FRAME_LENGTH;
    /** Whether to connect with TLS (JVM property {@code tls.enable}, default false). */
    private boolean useTls = Boolean.parseBoolean(System.getProperty("tls.enable", "false"));
    /** Whether to trust any server certificate (JVM property {@code tls.test.mode.enable}, default true). */
    private boolean tlsTestModeEnable = Boolean.parseBoolean(System.getProperty("tls.test.mode.enable", "true"));
    /** Whether to verify the server certificate outside test mode ({@code tls.client.authServer}). */
    private boolean tlsClientAuthServer = Boolean.parseBoolean(System.getProperty("tls.client.authServer", "false"));
    /** PEM file of trusted CA certificates ({@code tls.client.trustCertPath}). */
    private String tlsClientTrustCertPath = System.getProperty("tls.client.trustCertPath");
    /** PEM client certificate for mutual TLS ({@code tls.client.certPath}). */
    private String tlsClientCertPath = System.getProperty("tls.client.certPath");
    /** PKCS#8 PEM client key ({@code tls.client.keyPath}). */
    private String tlsClientKeyPath = System.getProperty("tls.client.keyPath");
    /** Password of the client key ({@code tls.client.keyPassword}). */
    private String tlsClientKeyPassword = System.getProperty("tls.client.keyPassword");

    public int getClientWorkerThreads() {
        return clientWorkerThreads;
    }

    public void setClientWorkerThreads(int clientWorkerThreads) {
        this.clientWorkerThreads = clientWorkerThreads;
    }

    public int getConnectTimeoutMillis() {
        return connectTimeoutMillis;
    }

    public void setConnectTimeoutMillis(int connectTimeoutMillis) {
        this.connectTimeoutMillis = connectTimeoutMillis;
    }

    public int getClientChannelMaxIdleTimeSeconds() {
        return clientChannelMaxIdleTimeSeconds;
    }

    public void setClientChannelMaxIdleTimeSeconds(int clientChannelMaxIdleTimeSeconds) {
        this.clientChannelMaxIdleTimeSeconds = clientChannelMaxIdleTimeSeconds;
    }

    public int getMaxFrameLength() {
        return maxFrameLength;
    }

    public void setMaxFrameLength(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    public boolean isUseTls() {
        return useTls;
    }

    public void setUseTls(boolean useTls) {
        this.useTls = useTls;
    }

    public boolean isTlsTestModeEnable() {
        return tlsTestModeEnable;
    }

    public void setTlsTestModeEnable(boolean tlsTestModeEnable) {
        this.tlsTestModeEnable = tlsTestModeEnable;
    }

    public boolean isTlsClientAuthServer() {
        return tlsClientAuthServer;
    }

    public void setTlsClientAuthServer(boolean tlsClientAuthServer) {
        this.tlsClientAuthServer = tlsClientAuthServer;
    }

    public String getTlsClientTrustCertPath() {
        return tlsClientTrustCertPath;
    }

    public void setTlsClientTrustCertPath(String tlsClientTrustCertPath) {
        this.tlsClientTrustCertPath = tlsClientTrustCertPath;
    }

    public String getTlsClientCertPath() {
        return tlsClientCertPath;
    }

    public void setTlsClientCertPath(String tlsClientCertPath) {
        this.tlsClientCertPath = tlsClientCertPath;
    }

    public String getTlsClientKeyPath() {
        return tlsClientKeyPath;
    }

    public void setTlsClientKeyPath(String tlsClientKeyPath) {
        this.tlsClientKeyPath = tlsClientKeyPath;
    }

    public String getTlsClientKeyPassword() {
        return tlsClientKeyPassword;
    }

    public void setTlsClientKeyPassword(String tlsClientKeyPassword) {
        this.tlsClientKeyPassword = tlsClientKeyPassword;
    }
}
