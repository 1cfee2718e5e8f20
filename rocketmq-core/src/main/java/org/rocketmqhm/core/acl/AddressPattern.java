package org.rocketmqhm.core.acl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A white-address pattern of {@code plain_acl.yml} (protocol §7.3), parsed once and matched against peer IPs:
 * <ul>
 *   <li>blank: matches nothing; {@code *}, {@code *.*.*.*}, {@code *:*:*:*:*:*:*:*}: matches everything;</li>
 *   <li>an exact IPv4 or IPv6 address;</li>
 *   <li>a comma-separated list of addresses ({@code 192.168.1.1,192.168.1.2}); a bare number after the first entry
 *       replaces its last segment ({@code 192.168.1.1,2,3});</li>
 *   <li>a last-segment set {@code 192.168.1.{10,11,12}};</li>
 *   <li>per-segment wildcards and ranges {@code 192.168.*}, {@code 192.168.1.10-20}, {@code 192.168.1-3.*}
 *       (missing trailing segments after a {@code *} are wildcards; IPv6 segments work the same way in hex).</li>
 * </ul>
 * Immutable and thread-safe.
 *
 * @since 0.3.0
 */
public final class AddressPattern {

    /** Matches nothing. */
    public static final AddressPattern NONE = new AddressPattern("", ip -> false);

    private final String text;
    private final Predicate<String> matcher;

    private AddressPattern(String text, Predicate<String> matcher) {
        this.text = text;
        this.matcher = matcher;
    }

    /**
     * @param text the pattern as written in the file
     * @return the parsed pattern
     * @throws AclException when the pattern is malformed
     */
    public static AddressPattern parse(String text) {
        if (text == null || text.isBlank()) {
            return NONE;
        }
        String p = text.trim();
        if (p.equals("*") || p.equals("*.*.*.*") || p.equals("*:*:*:*:*:*:*:*")) {
            return new AddressPattern(p, ip -> true);
        }
        if (p.contains("{")) {
            int open = p.indexOf('{');
            int close = p.indexOf('}', open);
            if (close < 0) {
                throw malformed(p);
            }
            String prefix = p.substring(0, open);
            Set<String> exact = new HashSet<>();
            for (String item : p.substring(open + 1, close).split(",")) {
                exact.add(normalize(prefix + item.trim(), p));
            }
            return new AddressPattern(p, exact::contains);
        }
        if (p.contains(",")) {
            String[] parts = p.split(",");
            String first = parts[0].trim();
            String prefix = first.contains(":") ? first.substring(0, first.lastIndexOf(':') + 1)
                : first.substring(0, first.lastIndexOf('.') + 1);
            Set<String> exact = new HashSet<>();
            for (String part : parts) {
                String item = part.trim();
                if (item.isEmpty()) {
                    continue;
                }
                exact.add(normalize(item.contains(".") || item.contains(":") ? item : prefix + item, p));
            }
            return new AddressPattern(p, exact::contains);
        }
        if (p.contains("*") || p.contains("-")) {
            return segments(p);
        }
        String exact = normalize(p, p);
        return new AddressPattern(p, exact::equals);
    }

    /** @return whether the peer IP (no port) matches */
    public boolean matches(String ip) {
        return ip != null && matcher.test(ip);
    }

    @Override
    public String toString() {
        return text;
    }

    private static AddressPattern segments(String p) {
        boolean v6 = p.contains(":");
        int radix = v6 ? 16 : 10;
        int width = v6 ? 8 : 4;
        int max = v6 ? 0xFFFF : 255;
        String[] raw = p.split(v6 ? ":" : "\\.", -1);
        if (raw.length > width || raw.length < width && !raw[raw.length - 1].equals("*")) {
            throw malformed(p);
        }
        List<int[]> ranges = new ArrayList<>(width);
        for (int i = 0; i < width; i++) {
            String s = i < raw.length ? raw[i].trim() : "*";
            try {
                if (s.equals("*")) {
                    ranges.add(new int[] {0, max});
                } else if (s.contains("-")) {
                    int dash = s.indexOf('-');
                    ranges.add(new int[] {Integer.parseInt(s.substring(0, dash), radix),
                        Integer.parseInt(s.substring(dash + 1), radix)});
                } else {
                    int v = Integer.parseInt(s, radix);
                    ranges.add(new int[] {v, v});
                }
            } catch (NumberFormatException e) {
                throw malformed(p);
            }
            int[] r = ranges.get(i);
            if (r[0] < 0 || r[1] > max || r[0] > r[1]) {
                throw malformed(p);
            }
        }
        return new AddressPattern(p, ip -> {
            String full = v6 ? expandV6(ip) : ip;
            if (full == null) {
                return false;
            }
            String[] seg = full.split(v6 ? ":" : "\\.");
            if (seg.length != width) {
                return false;
            }
            for (int i = 0; i < width; i++) {
                int v;
                try {
                    v = Integer.parseInt(seg[i], radix);
                } catch (NumberFormatException e) {
                    return false;
                }
                if (v < ranges.get(i)[0] || v > ranges.get(i)[1]) {
                    return false;
                }
            }
            return true;
        });
    }

    /** @return a canonical form of an IP literal (IPv6 fully expanded), for exact comparison */
    static String normalize(String ip, String pattern) {
        if (ip.contains(":")) {
            String full = expandV6(ip);
            if (full == null) {
                throw malformed(pattern);
            }
            return full;
        }
        String[] seg = ip.split("\\.", -1);
        if (seg.length != 4) {
            throw malformed(pattern);
        }
        for (String s : seg) {
            try {
                int v = Integer.parseInt(s);
                if (v < 0 || v > 255) {
                    throw malformed(pattern);
                }
            } catch (NumberFormatException e) {
                throw malformed(pattern);
            }
        }
        return ip;
    }

    /** @return the peer IP in the form patterns compare with (IPv6 expanded, scope dropped) */
    public static String canonicalPeer(String ip) {
        return ip != null && ip.contains(":") ? expandV6(ip) : ip;
    }

    private static String expandV6(String ip) {
        String literal = ip;
        int scope = literal.indexOf('%');
        if (scope >= 0) {
            literal = literal.substring(0, scope);
        }
        if (!literal.contains(":")) {
            return null;
        }
        try {
            return InetAddress.getByName(literal).getHostAddress().toLowerCase(java.util.Locale.ROOT);
        } catch (UnknownHostException | IllegalArgumentException e) {
            return null;
        }
    }

    private static AclException malformed(String pattern) {
        return new AclException("Netaddress examine Exception netaddress is " + pattern);
    }
}
