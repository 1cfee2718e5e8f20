package org.rocketmqhm.core.store.clean;

import java.io.File;

/**
 * Probe of how full the partition holding a path is; injectable so tests can simulate a full disk.
 * Implementations must be thread-safe.
 *
 * @since 0.2.0
 */
@FunctionalInterface
public interface DiskUsage {

    /** Real probe: {@code (total - free) / total} of the partition of the nearest existing ancestor. */
    DiskUsage FILESYSTEM = path -> {
        File f = new File(path).getAbsoluteFile();
        while (f != null && !f.exists()) {
            f = f.getParentFile();
        }
        if (f == null) {
            return -1;
        }
        long total = f.getTotalSpace();
        if (total <= 0) {
            return -1;
        }
        return (double) (total - f.getFreeSpace()) / total;
    };

    /**
     * @param path a store path
     * @return used fraction (0..1) of its partition, or -1 when unknown
     */
    double usedRatio(String path);
}
