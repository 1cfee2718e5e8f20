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
        return statusKib(pid, "VmRSS");
    }

    /**
     * @param key a field of {@code /proc/<pid>/status}, e.g. {@code VmRSS}, {@code RssAnon} (heap and other
     *            anonymous memory) or {@code RssFile} (mapped files, such as a broker's commit log)
     * @return its value in KiB, or empty when the process, the file or the field is not there
     */
    public static OptionalLong statusKib(long pid, String key) {
        try {
            return parseKib(Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")), key);
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    /** @return the value of the {@code key:} line in KiB among {@code statusLines}, or empty */
    static OptionalLong parseKib(List<String> statusLines, String key) {
        String prefix = key + ":";
        for (String line : statusLines) {
            if (line.startsWith(prefix)) {
                String[] parts = line.substring(prefix.length()).trim().split("\\s+");
                return OptionalLong.of(Long.parseLong(parts[0]));
            }
        }
        return OptionalLong.empty();
    }
}
