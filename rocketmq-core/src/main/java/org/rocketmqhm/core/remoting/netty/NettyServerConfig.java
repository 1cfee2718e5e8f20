package org.rocketmqhm.core.remoting.netty;

import org.rocketmqhm.core.remoting.codec.RemotingFrameDecoder;

/**
 * Settings of a remoting server. Property names follow Apache's where they exist.
 *
 * @since 0.1.0
 */
public class NettyServerConfig {
    private String bindAddress = "0.0.0.0";
    private int listenPort = 0;
    private int serverSelectorThreads = 1;
    private int serverWorkerThreads = 0;
    private int serverChannelMaxIdleTimeSeconds = 120;
    private int maxFrameLength = RemotingFrameDecoder.DEFAULT_MAX_FRAME_LENGTH;
    private int serverSocketSndBufSize = 0;
    private int serverSocketRcvBufSize = 0;
    /** {@code disabled}, {@code permissive} (TLS and plain on one port) or {@code enforcing} ({@code tls.server.mode}). */
    private String tlsMode = System.getProperty("tls.server.mode", "permissive");
    /** PEM server certificate; self-signed when unset ({@code tls.server.certPath}). */
    private String tlsServerCertPath = System.getProperty("tls.server.certPath");
    /** PKCS#8 PEM server key ({@code tls.server.keyPath}). */
    private String tlsServerKeyPath = System.getProperty("tls.server.keyPath");
    /** Password of the server key ({@code tls.server.keyPassword}). */
    private String tlsServerKeyPassword = System.getProperty("tls.server.keyPassword");
    /** PEM file of CA certificates trusted for client certificates ({@code tls.server.trustCertPath}). */
    private String tlsServerTrustCertPath = System.getProperty("tls.server.trustCertPath");

    public String getBindAddress() {
        return bindAddress;
    }

    public void setBindAddress(String bindAddress) {
        this.bindAddress = bindAddress;
    }

    /** @return the port to listen on; 0 picks a free one */
    public int getListenPort() {
        return listenPort;
    }

    public void setListenPort(int listenPort) {
        this.listenPort = listenPort;
    }

    public int getServerSelectorThreads() {
        return serverSelectorThreads;
    }

    public void setServerSelectorThreads(int serverSelectorThreads) {
        this.serverSelectorThreads = serverSelectorThreads;
    }

    /** @return I/O threads; 0 means one per core */
    public int getServerWorkerThreads() {
        return serverWorkerThreads;
    }

    public void setServerWorkerThreads(int serverWorkerThreads) {
        this.serverWorkerThreads = serverWorkerThreads;
    }

    public int getServerChannelMaxIdleTimeSeconds() {
        return serverChannelMaxIdleTimeSeconds;
    }

    public void setServerChannelMaxIdleTimeSeconds(int serverChannelMaxIdleTimeSeconds) {
        this.serverChannelMaxIdleTimeSeconds = serverChannelMaxIdleTimeSeconds;
    }

    public int getMaxFrameLength() {
        return maxFrameLength;
    }

    public void setMaxFrameLength(int maxFrameLength) {
        this.maxFrameLength = maxFrameLength;
    }

    public int getServerSocketSndBufSize() {
        return serverSocketSndBufSize;
    }

    public void setServerSocketSndBufSize(int serverSocketSndBufSize) {
        this.serverSocketSndBufSize = serverSocketSndBufSize;
    }

    public int getServerSocketRcvBufSize() {
        return serverSocketRcvBufSize;
    }

    public void setServerSocketRcvBufSize(int serverSocketRcvBufSize) {
        this.serverSocketRcvBufSize = serverSocketRcvBufSize;
    }

    public String getTlsMode() {
        return tlsMode;
    }

    public void setTlsMode(String tlsMode) {
        this.tlsMode = tlsMode;
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

    public String getTlsServerTrustCertPath() {
        return tlsServerTrustCertPath;
    }

    public void setTlsServerTrustCertPath(String tlsServerTrustCertPath) {
        this.tlsServerTrustCertPath = tlsServerTrustCertPath;
    }
}
