package org.rocketmqhm.core.common.message;

import java.util.HashMap;
import java.util.Map;

/**
 * The properties string of section 4.5: {@code name 0x01 value 0x02 name 0x01 value}, UTF-8 on the wire.
 *
 * <p>Encoding writes no trailing 0x02. Decoding is tolerant: it accepts a trailing 0x02, ignores segments shorter
 * than 3 characters or whose first 0x01 is the first or last character, and lets later duplicates win.
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
}
