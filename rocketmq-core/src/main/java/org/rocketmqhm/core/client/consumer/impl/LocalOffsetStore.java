package org.rocketmqhm.core.client.consumer.impl;

import org.rocketmqhm.core.protocol.RemotingJson;
import org.rocketmqhm.core.protocol.body.MessageQueue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Broadcasting offsets in a local JSON file {@code <dir>/offsets.json}, body {@code {"offsetTable":{<queue>:n}}}
 * (queue keys as fastjson writes them). Written through a temp file and an atomic move. Thread-safe.
 *
 * @since 0.1.0
 */
public final class LocalOffsetStore implements OffsetStore {

    private static final Logger log = LoggerFactory.getLogger(LocalOffsetStore.class);

    /** The file's body. */
    public record OffsetFile(Map<MessageQueue, Long> offsetTable) {
    }

    private final Path file;
    private final Map<MessageQueue, Long> offsets = new ConcurrentHashMap<>();
    private final Map<MessageQueue, Long> stored = new ConcurrentHashMap<>();

    public LocalOffsetStore(Path dir) {
        this.file = dir.resolve("offsets.json");
        if (Files.exists(file)) {
            try {
                OffsetFile content = RemotingJson.decode(Files.readAllBytes(file), OffsetFile.class);
                if (content.offsetTable() != null) {
                    stored.putAll(content.offsetTable());
                }
            } catch (IOException | RuntimeException e) {
                log.warn("ignoring unreadable offsets file {}: {}", file, e.toString());
            }
        }
    }

    public Path file() {
        return file;
    }

    @Override
    public long readStored(MessageQueue queue) {
        Long offset = stored.get(queue);
        if (offset != null) {
            offsets.put(queue, offset);
        }
        return offset == null ? -1 : offset;
    }

    @Override
    public long readMemory(MessageQueue queue) {
        return offsets.getOrDefault(queue, -1L);
    }

    @Override
    public void update(MessageQueue queue, long offset, boolean increaseOnly) {
        if (offset >= 0) {
            offsets.merge(queue, offset, (old, now) -> increaseOnly ? Math.max(old, now) : now);
        }
    }

    @Override
    public synchronized void persistAll(Collection<MessageQueue> queues, boolean sync) {
        for (MessageQueue queue : queues) {
            Long offset = offsets.get(queue);
            if (offset != null) {
                stored.put(queue, offset);
            }
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling("offsets.json.tmp");
            Files.write(tmp, RemotingJson.encode(new OffsetFile(new HashMap<>(stored))));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + file, e);
        }
    }

    @Override
    public void remove(MessageQueue queue) {
        offsets.remove(queue);
    }

    @Override
    public Map<MessageQueue, Long> snapshot() {
        return new HashMap<>(offsets);
    }
}
