package org.rocketmqhm.core.namesrv;

import com.fasterxml.jackson.core.type.TypeReference;
import org.rocketmqhm.core.protocol.RemotingJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Namespaced key-value configuration (e.g. {@code ORDER_TOPIC_CONFIG}), persisted as
 * {@code {"configTable":{namespace:{key:value}}}} after every change. Thread-safe (synchronized).
 *
 * @since 0.1.0
 */
public final class KvConfigStore {

    private static final Logger log = LoggerFactory.getLogger(KvConfigStore.class);

    private final Path file;
    private final Map<String, Map<String, String>> table = new HashMap<>();

    public KvConfigStore(Path file) {
        this.file = file;
    }

    /** Loads the persisted table, if any. */
    public synchronized void load() {
        if (file == null || !Files.exists(file)) {
            return;
        }
        try {
            Map<String, Map<String, Map<String, String>>> wrapper = RemotingJson.mapper().readValue(
                Files.readAllBytes(file), new TypeReference<>() { });
            Map<String, Map<String, String>> loaded = wrapper.get("configTable");
            if (loaded != null) {
                loaded.forEach((ns, values) -> table.put(ns, new HashMap<>(values)));
            }
        } catch (IOException e) {
            log.warn("cannot read KV config {}: {}", file, e.toString());
        }
    }

    public synchronized void put(String namespace, String key, String value) {
        table.computeIfAbsent(namespace, ns -> new HashMap<>()).put(key, value);
        persist();
    }

    public synchronized String get(String namespace, String key) {
        Map<String, String> values = table.get(namespace);
        return values == null ? null : values.get(key);
    }

    public synchronized void delete(String namespace, String key) {
        Map<String, String> values = table.get(namespace);
        if (values != null && values.remove(key) != null) {
            if (values.isEmpty()) {
                table.remove(namespace);
            }
            persist();
        }
    }

    /** @return a copy of the namespace's entries, empty when none */
    public synchronized Map<String, String> namespace(String namespace) {
        return new TreeMap<>(table.getOrDefault(namespace, Map.of()));
    }

    private void persist() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, RemotingJson.encode(Map.of("configTable", table)));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            log.warn("cannot persist KV config {}: {}", file, e.toString());
        }
    }
}
