package org.rocketmqhm.core.store;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;

/** Checks store directories before anything is mapped, failing with a message that names the path. @since 0.2.0 */
final class StoreDirectories {

    private StoreDirectories() {
    }

    /**
     * Creates the directory if missing and proves it writable by creating and deleting a probe file.
     *
     * @param path directory
     * @throws IllegalStateException naming the path when it cannot be created or written
     */
    static void requireWritable(String path) {
        File dir = new File(path);
        if (!dir.isDirectory() && !dir.mkdirs() && !dir.isDirectory()) {
            throw new IllegalStateException("store directory " + dir.getAbsolutePath()
                    + " does not exist and cannot be created (check the path and its parent's permissions)");
        }
        File probe = new File(dir, ".write-probe");
        try {
            Files.deleteIfExists(probe.toPath());
            Files.createFile(probe.toPath());
            Files.delete(probe.toPath());
        } catch (IOException | SecurityException e) {
            throw new IllegalStateException("store directory " + dir.getAbsolutePath() + " is not writable: " + e,
                    e);
        }
    }
}
