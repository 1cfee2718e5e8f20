package org.rocketmqhm.core.common.message;

import java.util.HashMap;
import java.util.Map;

/**
 * The properties string of section 4.5: {@code name 0x01 value 0x02 name 0x01 value}, UTF-8 on the wire.
 *
 * <p>Encoding writes no trailing 0x02. Decoding is tolerant: it accepts a trailing 0x02, ignores segments shorter
 * than 3 characters or whose first 0x01 is the first or last character, and lets later duplicates win.
 * {@link #get} and {@link #copyExcept} read a string by the same rules without building a map (hot paths).
 * Stateless and thread-safe.
 *
 * @since 0.1.0
 */
public final class MessageProperties {

    private MessageProperties() {
    }

    /**
     * @param properties the map (may be null)
     * @return the properties string, empty for a null or empty map
     */
    public static String encode(Map<String, String> properties) {
        if (properties == null || properties.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(64);
        for (Map.Entry<String, String> e : properties.entrySet()) {
            if (e.getValue() == null) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(MessageConst.PROPERTY_SEPARATOR);
            }
            sb.append(e.getKey()).append(MessageConst.NAME_VALUE_SEPARATOR).append(e.getValue());
        }
        return sb.toString();
    }

    /**
     * @param s a properties string (may be null)
     * @return a new mutable map, never null
     */
    public static Map<String, String> decode(String s) {
        Map<String, String> map = new HashMap<>();
        if (s == null || s.isEmpty()) {
            return map;
        }
        int len = s.length();
        int start = 0;
        while (start < len) {
            int end = s.indexOf(MessageConst.PROPERTY_SEPARATOR, start);
            if (end < 0) {
                end = len;
            }
            int segLen = end - start;
            if (segLen >= 3) {
                int sep = s.indexOf(MessageConst.NAME_VALUE_SEPARATOR, start);
                if (sep > start && sep < end - 1) {
                    map.put(s.substring(start, sep), s.substring(sep + 1, end));
                }
            }
            start = end + 1;
        }
        return map;
    }

    /**
     * The value {@code decode(s).get(name)} would give, without building the map.
     *
     * @param s a properties string (may be null)
     * @return the value of the last well-formed segment named {@code name}, or null
     */
    public static String get(String s, String name) {
        if (s == null) {
            return null;
        }
        int len = s.length();
        int start = 0;
        int foundFrom = -1;
        int foundTo = -1;
        while (start < len) {
            int end = segmentEnd(s, start);
            int sep = nameEnd(s, start, end);
            if (sep - start == name.length() && s.startsWith(name, start)) {
                foundFrom = sep + 1;
                foundTo = end;
            }
            start = end + 1;
        }
        return foundFrom < 0 ? null : s.substring(foundFrom, foundTo);
    }

    /**
     * Appends every well-formed segment of {@code s} whose name is not in {@code excluded}, in order, as
     * {@link #encode} would write them (0x02 between segments, none trailing; a separator is written first when
     * {@code target} is not empty). Decoding the result gives {@code decode(s)} without the excluded names.
     *
     * @param s a properties string (may be null)
     */
    public static void copyExcept(String s, StringBuilder target, String... excluded) {
        if (s == null) {
            return;
        }
        int len = s.length();
        int start = 0;
        while (start < len) {
            int end = segmentEnd(s, start);
            int sep = nameEnd(s, start, end);
            if (sep > 0 && !isExcluded(s, start, sep, excluded)) {
                if (target.length() > 0) {
                    target.append(MessageConst.PROPERTY_SEPARATOR);
                }
                target.append(s, start, end);
            }
            start = end + 1;
        }
    }

    private static int segmentEnd(String s, int start) {
        int end = s.indexOf(MessageConst.PROPERTY_SEPARATOR, start);
        return end < 0 ? s.length() : end;
    }

    /** @return the index of the segment's name/value separator, or -1 when the segment is not well-formed */
    private static int nameEnd(String s, int start, int end) {
        if (end - start < 3) {
            return -1;
        }
        int sep = s.indexOf(MessageConst.NAME_VALUE_SEPARATOR, start);
        return sep > start && sep < end - 1 ? sep : -1;
    }

    private static boolean isExcluded(String s, int start, int sep, String[] excluded) {
        for (String name : excluded) {
            if (sep - start == name.length() && s.startsWith(name, start)) {
                return true;
            }
        }
        return false;
    }
}
