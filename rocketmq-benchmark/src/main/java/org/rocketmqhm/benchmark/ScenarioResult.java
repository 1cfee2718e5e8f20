package org.rocketmqhm.benchmark;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one scenario run, in insertion order, printed as one JSON line prefixed {@code BENCH }.
 * Values are numbers, strings or booleans; numbers that are not finite print as {@code null}.
 *
 * @since 0.1.0
 */
public final class ScenarioResult {

    /** The prefix of every machine-readable line. */
    public static final String LINE_PREFIX = "BENCH ";

    private final String scenario;
    private final Map<String, Object> fields = new LinkedHashMap<>();

    public ScenarioResult(String label, String scenario) {
        this.scenario = scenario;
        fields.put("label", label);
        fields.put("scenario", scenario);
    }

    /** @return this, with {@code key} set to {@code value} */
    public ScenarioResult put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    public String scenario() {
        return scenario;
    }

    /** @return the value under {@code key}, or {@code null} */
    public Object get(String key) {
        return fields.get(key);
    }

    public Map<String, Object> fields() {
        return fields;
    }

    /** @return the figures as one JSON object on one line */
    public String toJson() {
        StringBuilder json = new StringBuilder(256).append('{');
        boolean first = true;
        for (Map.Entry<String, Object> field : fields.entrySet()) {
            if (!first) {
                json.append(',');
            }
            first = false;
            appendString(json, field.getKey());
            json.append(':');
            appendValue(json, field.getValue());
        }
        return json.append('}').toString();
    }

    /** @return {@code BENCH } followed by the JSON object */
    public String toLine() {
        return LINE_PREFIX + toJson();
    }

    private static void appendValue(StringBuilder json, Object value) {
        if (value == null) {
            json.append("null");
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            json.append(Double.isFinite(d) ? String.format(Locale.ROOT, "%.3f", d) : "null");
        } else if (value instanceof Number || value instanceof Boolean) {
            json.append(value);
        } else {
            appendString(json, value.toString());
        }
    }

    private static void appendString(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
