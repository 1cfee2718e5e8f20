package org.rocketmqhm.core.remoting.netty;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.ssl.util.SelfSignedCertificate;

import java.io.File;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Builds the Netty {@link SslContext}s of clients and servers from their configs, following Apache's rules: in test
 * mode a client trusts any certificate; a client verifies the server only with {@code tls.client.authServer}; a
 * server without {@code certPath}/{@code keyPath} uses a self-signed certificate generated at first use. Stateless.
 *
 * @since 0.2.0
 */
public final class SslContexts {

    /** The self-signed server context, generated once per JVM on a background thread. */
    private static volatile CompletableFuture<SslContext> selfSigned;
    /** Opened when a TLS client needs the self-signed context before the delay is over. */
    private static final CountDownLatch selfSignedNeeded = new CountDownLatch(1);
    /** How long the self-signed context waits before it is generated unasked (start-up should be over by then). */
    static final long SELF_SIGNED_DELAY_MILLIS = 10_000;

    private SslContexts() {
    }

    /** @return whether the server config names its own certificate and key */
    static boolean hasServerCertificate(NettyServerConfig config) {
        return notBlank(config.getTlsServerCertPath()) && notBlank(config.getTlsServerKeyPath());
    }

    /**
     * The JVM-wide self-signed server context. Generating it (key pair, certificate, loading the certificate
     * classes) costs about a CPU-second of a small machine, so it is made in the background once start-up has
     * settled ({@value #SELF_SIGNED_DELAY_MILLIS} ms after the first server asked for it), or at once when a TLS
     * client arrives earlier ({@link #serverContext}); idempotent.
     *
     * @return the context being generated
     */
    static CompletableFuture<SslContext> selfSignedServerContext() {
        CompletableFuture<SslContext> future = selfSigned;
        if (future == null) {
            synchronized (SslContexts.class) {
                if (selfSigned == null) {
                    CompletableFuture<SslContext> created = new CompletableFuture<>();
                    Thread generator = new Thread(() -> {
                        try {
                            selfSignedNeeded.await(SELF_SIGNED_DELAY_MILLIS, TimeUnit.MILLISECONDS);
                            SelfSignedCertificate certificate = selfSigned();
                            created.complete(SslContextBuilder.forServer(certificate.certificate(),
                                certificate.privateKey()).clientAuth(ClientAuth.NONE).build());
                        } catch (Throwable e) {
                            created.completeExceptionally(e);
                        }
                    }, "rocketmq-tls-self-signed");
                    generator.setDaemon(true);
                    generator.start();
                    selfSigned = created;
                }
                future = selfSigned;
            }
        }
        return future;
    }

    /** @return the client context described by the config */
    public static SslContext forClient(NettyClientConfig config) {
        try {
            SslContextBuilder builder = SslContextBuilder.forClient();
            if (config.isTlsTestModeEnable() || !config.isTlsClientAuthServer()) {
                builder.trustManager(InsecureTrustManagerFactory.INSTANCE);
            } else if (notBlank(config.getTlsClientTrustCertPath())) {
                builder.trustManager(new File(config.getTlsClientTrustCertPath()));
            }
            if (!config.isTlsTestModeEnable() && notBlank(config.getTlsClientCertPath())
                && notBlank(config.getTlsClientKeyPath())) {
                builder.keyManager(new File(config.getTlsClientCertPath()), new File(config.getTlsClientKeyPath()),
                    blankToNull(config.getTlsClientKeyPassword()));
            }
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the client TLS context: " + e.getMessage(), e);
        }
    }

    /**
     * @return the server context described by the config: built from the configured certificate, or the
     *         self-signed one (whose generation starts now if it was still waiting); never blocks
     */
    public static CompletableFuture<SslContext> serverContext(NettyServerConfig config) {
        if (!hasServerCertificate(config)) {
            CompletableFuture<SslContext> future = selfSignedServerContext();
            selfSignedNeeded.countDown();
            return future;
        }
        try {
            SslContextBuilder builder = SslContextBuilder.forServer(new File(config.getTlsServerCertPath()),
                new File(config.getTlsServerKeyPath()), blankToNull(config.getTlsServerKeyPassword()));
            if (notBlank(config.getTlsServerTrustCertPath())) {
                builder.trustManager(new File(config.getTlsServerTrustCertPath()));
            }
            return CompletableFuture.completedFuture(builder.clientAuth(ClientAuth.NONE).build());
        } catch (SSLException | RuntimeException e) {
            return CompletableFuture.failedFuture(new IllegalStateException("cannot build the server TLS context: "
                + e.getMessage(), e));
        }
    }

    private static SelfSignedCertificate selfSigned() {
        try {
            // EC P-256: generated in milliseconds, where RSA 2048 costs a CPU-second of a small machine's start-up
            return new SelfSignedCertificate("rocketmq-hm", "EC", 256);
        } catch (CertificateException e) {
            throw new IllegalStateException("cannot generate a self-signed certificate (configure "
                + "tlsServerCertPath/tlsServerKeyPath, or put BouncyCastle bcpkix on the class path): "
                + e.getMessage(), e);
        }
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }

    private static String blankToNull(String s) {
        return notBlank(s) ? s : null;
    }
}
