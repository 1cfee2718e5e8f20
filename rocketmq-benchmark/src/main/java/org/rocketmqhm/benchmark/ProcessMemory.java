package org.rocketmqhm.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Reads a process's resident set size from {@code /proc/<pid>/status} (Linux only).
 *
 * @since 0.1.0
 */
public final class ProcessMemory {

    private ProcessMemory() {
    }

    /** @return VmRSS of {@code pid} in KiB, or empty when the process or the file is not there */
    public static OptionalLong residentKib(long pid) {
        try {
            return parseVmRssKib(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")));
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** @return the {@code VmRSS:} value in KiB among {@code statusLines}, or empty */
    static OptionalLong parseVmRssKib(List<String> statusLines) {
        for (String line : statusLines) {
            if (line.startsWith("VmRSS:")) {
                String[] parts = line.substring("VmRSS:".length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }
}
