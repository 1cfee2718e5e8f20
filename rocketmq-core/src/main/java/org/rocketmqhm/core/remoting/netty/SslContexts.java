package org.rocketmqhm.core.remoting.netty;

import io.netty.handler.ssl.ClientAuth;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.handler.ssl.util.SelfSignedCertificate;

import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletableFuture;
import javax.crypto.spec.PBEParameterSpec;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLException;

/**
 * Builds the Netty {@link SslContext}s of clients and servers from their configs, following Apache's rules: in test
 * mode a client trusts any certificate; a client verifies the server only with {@code tls.client.authServer}; a
 * server without {@code certPath}/{@code keyPath} uses a self-signed certificate generated at first use. Thread-safe.
 *
 * @since 0.2.0
 */
public final class SslContexts {

    /** The self-signed server context, generated once per JVM on a background thread. */
    private static volatile CompletableFuture<SslContext> selfSigned;

    private SslContexts() {
    }

    /** @return whether the server config names its own certificate and key */
    static boolean hasServerCertificate(NettyServerConfig config) {
        return notBlank(config.getTlsServerCertPath()) && notBlank(config.getTlsServerKeyPath());
    }

    /**
     * The JVM-wide self-signed server context, generated on a background thread the first time it is asked for:
     * by the first TLS client of a {@code permissive} server (most never see one, and the work — key pair,
     * certificate, the JDK's certificate and EC classes — costs a few hundred CPU milliseconds of a small machine
     * that would otherwise fall into start-up or the first load), or at start by an {@code enforcing} server.
     * Idempotent.
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
                            created.complete(SslContextBuilder.forServer(selfSignedKeyManager())
                                .clientAuth(ClientAuth.NONE).build());
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

    /**
     * A key manager over an in-memory key store holding the self-signed key. The store's key protection is
     * one PBKDF2 round: the store never leaves this process, and the JDK's default (10,000 rounds, which
     * {@code SslContextBuilder.forServer(cert, key)} would use) only burns CPU here.
     */
    private static KeyManagerFactory selfSignedKeyManager() throws GeneralSecurityException, IOException {
        SelfSignedCertificate certificate = selfSigned();
        try {
            char[] password = "rocketmq-hm".toCharArray();
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            byte[] salt = new byte[16];
            new SecureRandom().nextBytes(salt);
            store.setEntry("self-signed", new KeyStore.PrivateKeyEntry(certificate.key(),
                    new Certificate[] {certificate.cert()}),
                new KeyStore.PasswordProtection(password, "PBEWithHmacSHA256AndAES_256",
                    new PBEParameterSpec(salt, 1)));
            KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            factory.init(store, password);
            return factory;
        } finally {
            certificate.delete();
        }
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
            return selfSignedServerContext();
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
