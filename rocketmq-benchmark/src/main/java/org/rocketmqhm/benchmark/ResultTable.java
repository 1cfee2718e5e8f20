package org.rocketmqhm.benchmark;

import java.util.List;
import java.util.Locale;

/**
 * Renders scenario results as a fixed-width table for people; the JSON lines stay the reference.
 *
 * @since 0.1.0
 */
final class ResultTable {

    private static final String[] COLUMNS = {
            "msgs_per_s", "mb_per_s", "send_p50_ms", "send_p99_ms", "send_p999_ms", "errors", "received",
            "e2e_p50_ms", "e2e_p99_ms", "rss_mib"};

    private ResultTable() {
    }

    static String render(List<ScenarioResult> results) {
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%-12s %-16s", "label", "scenario"));
        for (String column : COLUMNS) {
            table.append(String.format(Locale.ROOT, " %12s", column));
        }
        table.append('\n');
        for (ScenarioResult result : results) {
            table.append(String.format(Locale.ROOT, "%-12s %-16s", result.get("label"), result.scenario()));
            for (String column : COLUMNS) {
                table.append(String.format(Locale.ROOT, " %12s", format(result.get(column))));
            }
            table.append('\n');
        }
        return table.toString();
    }

    private static String format(Object value) {
        if (value == null) {
            return "-";
        }
        if (value instanceof Double d) {
            return Double.isFinite(d) ? String.format(Locale.ROOT, "%.2f", d) : "-";
        }
        return value.toString();
    }
}
