package org.rocketmqhm.core.acl;

import org.rocketmqhm.core.protocol.body.DataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Owns {@code plain_acl.yml}: loads it, keeps the compiled {@link AclRules} that the validator reads (a volatile
 * snapshot, swapped whole), reloads it when its content changes (polled on a scheduler thread, never on a Netty
 * thread), and applies the ACL admin changes (account upsert/delete, global white addresses) by rewriting the file
 * atomically with a bumped data version. A missing file is an empty configuration. A file that cannot be read or
 * compiled on reload is logged and the previous rules stay in force. Mutations and reloads are serialized; reads
 * are lock-free.
 *
 * @since 0.3.0
 */
public final class PlainAclStore {

    private static final Logger log = LoggerFactory.getLogger(PlainAclStore.class);

    private final Path file;
    private volatile PlainAclConfig config = PlainAclConfig.empty();
    private volatile AclRules rules = AclRules.EMPTY;
    private byte[] lastContent = new byte[0];
    private ScheduledFuture<?> watch;

    /** @param file the {@code plain_acl.yml} path */
    public PlainAclStore(Path file) {
        this.file = file;
    }

    /**
     * Loads the file (absent: empty).
     *
     * @throws AclException when the file is invalid
     */
    public synchronized void load() {
        byte[] content = read();
        apply(PlainAclYaml.parse(content), content);
        log.info("loaded ACL from {}", file);
    }

    /** Polls the file every {@code periodMillis} on the scheduler and reloads it when its content changed. */
    public synchronized void watch(ScheduledExecutorService scheduler, long periodMillis) {
        watch = scheduler.scheduleWithFixedDelay(this::reloadIfChanged, periodMillis, periodMillis,
            TimeUnit.MILLISECONDS);
    }

    /** Stops watching. */
    public synchronized void stopWatching() {
        if (watch != null) {
            watch.cancel(false);
        }
    }

    /** @return whether the file changed and was reloaded */
    public synchronized boolean reloadIfChanged() {
        byte[] content;
        try {
            content = read();
        } catch (RuntimeException e) {
            log.warn("cannot read ACL file {}: {}", file, e.toString());
            return false;
        }
        if (Arrays.equals(content, lastContent)) {
            return false;
        }
        try {
            apply(PlainAclYaml.parse(content), content);
            log.info("reloaded ACL from {}", file);
            return true;
        } catch (RuntimeException e) {
            lastContent = content; // warn once per bad content, not on every poll
            log.warn("cannot reload ACL from {}; the previous rules stay in force: {}", file, e.toString());
            return false;
        }
    }

    /** @return the compiled rules in force */
    public AclRules rules() {
        return rules;
    }

    /** @return the configuration in force */
    public PlainAclConfig config() {
        return config;
    }

    /** @return the data version of the configuration in force */
    public DataVersion dataVersion() {
        return config.dataVersion();
    }

    public Path file() {
        return file;
    }

    /**
     * Creates the account, or merges the given fields into the existing one, and rewrites the file.
     *
     * @throws AclException when the account is invalid
     */
    public synchronized void updateAccount(PlainAccessConfig update) {
        update.validate();
        List<PlainAccessConfig> accounts = new ArrayList<>(config.accounts());
        boolean found = false;
        for (int i = 0; i < accounts.size(); i++) {
            if (update.accessKey().equals(accounts.get(i).accessKey())) {
                accounts.set(i, accounts.get(i).mergedWith(update));
                found = true;
                break;
            }
        }
        if (!found) {
            accounts.add(update);
        }
        write(new PlainAclConfig(config.globalWhiteRemoteAddresses(), accounts, config.dataVersion().next()));
    }

    /** @return whether the account existed and was removed (the file is rewritten) */
    public synchronized boolean deleteAccount(String accessKey) {
        if (accessKey == null || accessKey.isEmpty()) {
            return false;
        }
        List<PlainAccessConfig> accounts = new ArrayList<>(config.accounts());
        if (!accounts.removeIf(a -> accessKey.equals(a.accessKey()))) {
            return false;
        }
        write(new PlainAclConfig(config.globalWhiteRemoteAddresses(), accounts, config.dataVersion().next()));
        return true;
    }

    /**
     * Replaces the global white addresses and rewrites the file.
     *
     * @throws AclException when a pattern is malformed
     */
    public synchronized void updateGlobalWhiteAddresses(List<String> addresses) {
        write(new PlainAclConfig(addresses, config.accounts(), config.dataVersion().next()));
    }

    private void write(PlainAclConfig next) {
        AclRules compiled = AclRules.compile(next);
        byte[] content = PlainAclYaml.write(next);
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            Files.write(tmp, content);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
        lastContent = content;
        config = next;
        rules = compiled;
    }

    private void apply(PlainAclConfig loaded, byte[] content) {
        AclRules compiled = AclRules.compile(loaded);
        lastContent = content;
        config = loaded;
        rules = compiled;
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
