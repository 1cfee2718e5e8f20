package org.rocketmqhm.core.broker.support;

import org.rocketmqhm.core.protocol.RemotingJson;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * One JSON file under {@code <storePathRootDir>/config}. Writes go to {@code <name>.tmp}, are forced to disk, the
 * previous file is kept as {@code <name>.bak}, and the temp file is renamed over the file atomically, so a crash
 * leaves either the old or the new content. Reads fall back to the {@code .bak} copy when the file is missing or
 * unreadable. Callers serialize their own writes; the class itself holds no state besides the path.
 *
 * @since 0.1.0
 */
public final class JsonConfigFile {

    private final Path path;

    public JsonConfigFile(Path path) {
        this.path = path;
    }

    public Path path() {
        return path;
    }

    /** @return the content decoded, from the file or its backup, or {@code null} when neither is readable */
    public <T> T read(Class<T> type) {
        T value = tryRead(path, type);
        return value != null ? value : tryRead(backup(), type);
    }

    private static <T> T tryRead(Path file, Class<T> type) {
        try {
            if (!Files.isRegularFile(file) || Files.size(file) == 0) {
                return null;
            }
            return RemotingJson.decode(Files.readAllBytes(file), type);
        } catch (IOException | IllegalArgumentException e) {
            return null;
        }
    }

    /** Replaces the file's content atomically, keeping the previous content as {@code .bak}. */
    public void write(Object value) {
        byte[] bytes = RemotingJson.encode(value);
        try {
            Files.createDirectories(path.getParent());
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
                channel.write(java.nio.ByteBuffer.wrap(bytes));
                channel.force(true);
            }
            if (Files.exists(path)) {
                Files.copy(path, backup(), StandardCopyOption.REPLACE_EXISTING);
            }
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path, e);
        }
    }

    private Path backup() {
        return path.resolveSibling(path.getFileName() + ".bak");
    }
}
