package org.rocketmqhm.benchmark;

import com.alibaba.fastjson.JSON;
import com.alibaba.fastjson.JSONObject;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the {@code BENCH} lines of run-comparison.sh, whose labels are {@code side/flushType/round}, averages
 * each figure over the rounds and prints ours/Apache ratios per flush type and scenario.
 *
 * <p>Usage: {@code java -cp rocketmq-benchmark.jar org.rocketmqhm.benchmark.Summary results.jsonl}
 *
 * @since 0.1.0
 */
public final class Summary {

    static final String APACHE = "apache";
    static final String OURS = "ours";
    private static final String[] METRICS = {
            "startup_ms", "rss_mib", "rss_anon_mib", "rss_file_mib", "msgs_per_s", "mb_per_s", "send_p50_ms", "send_p99_ms", "send_p999_ms",
            "errors", "received", "e2e_p50_ms", "e2e_p99_ms", "e2e_p999_ms"};

    private Summary() {
    }

    public static void main(String[] args) throws IOException {
        System.out.print(render(Files.readAllLines(Path.of(args[0]))));
    }

    /** @return the comparison table for the given lines; lines without the BENCH prefix are ignored */
    static String render(List<String> lines) {
        // flush -> scenario -> metric -> side -> values
        Map<String, Map<String, Map<String, Map<String, List<Double>>>>> figures = new TreeMap<>();
        for (String line : lines) {
            if (!line.startsWith(ScenarioResult.LINE_PREFIX)) {
                continue;
            }
            JSONObject json = JSON.parseObject(line.substring(ScenarioResult.LINE_PREFIX.length()));
            String[] label = json.getString("label").split("/");
            if (label.length < 2) {
                continue;
            }
            String side = label[0];
            String flush = label[1];
            String scenario = json.getString("scenario");
            for (String metric : METRICS) {
                Object value = json.get(metric);
                if (value instanceof Number number) {
                    figures.computeIfAbsent(flush, k -> new TreeMap<>())
                            .computeIfAbsent(scenario, k -> new TreeMap<>())
                            .computeIfAbsent(metric, k -> new TreeMap<>())
                            .computeIfAbsent(side, k -> new ArrayList<>())
                            .add(number.doubleValue());
                }
            }
        }
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-12s %-16s %-14s %12s %12s %12s   %s%n", "flush", "scenario",
                "metric", "apache", "ours", "ours/apache", "rounds(apache,ours)"));
        figures.forEach((flush, scenarios) -> scenarios.forEach((scenario, metrics) -> metrics.forEach(
                (metric, sides) -> {
                    List<Double> apache = sides.getOrDefault(APACHE, List.of());
                    List<Double> ours = sides.getOrDefault(OURS, List.of());
                    double a = mean(apache);
                    double o = mean(ours);
                    out.append(String.format(Locale.ROOT, "%-12s %-16s %-14s %12s %12s %12s   %d,%d%n", flush,
                            scenario, metric, format(a), format(o), format(ratio(o, a)), apache.size(),
                            ours.size()));
                })));
        return out.toString();
    }

    static double mean(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.size();
    }

    static double ratio(double ours, double apache) {
        return apache == 0 || Double.isNaN(apache) || Double.isNaN(ours) ? Double.NaN : ours / apache;
    }

    private static String format(double value) {
        return Double.isFinite(value) ? String.format(Locale.ROOT, "%.2f", value) : "-";
    }
}
