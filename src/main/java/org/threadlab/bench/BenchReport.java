package org.threadlab.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.threadlab.text.Json;
import org.threadlab.text.Table;

/** The rows of a bench run as the aligned table a person reads, or as JSON for a script. */
public final class BenchReport {
    private BenchReport() {}

    public static String table(List<BenchRow> rows) {
        Table t = new Table("id", "figure", ">threadlab", "reference", ">its figure", ">ratio", "target", "result");
        List<String> notes = new ArrayList<>();
        for (BenchRow r : rows) {
            t.row(r.id(), r.figure(), r.measured().text(), r.reference().isEmpty() ? "-" : r.reference(),
                    r.referenceAmount() == null ? "-" : r.referenceAmount().text(),
                    Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.2fx", r.ratio()),
                    r.target(), r.outcome().word());
            if (!r.note().isEmpty()) {
                notes.add(r.id() + ": " + r.note());
            }
        }
        StringBuilder sb = new StringBuilder(t.toString());
        if (!notes.isEmpty()) {
            sb.append('\n');
            for (String n : notes) {
                sb.append(n).append('\n');
            }
        }
        return sb.toString();
    }

    /** {"rows":[{"id":…,"figure":…,"measured":{"value":…,"unit":…},…}], "passed":…, "failed":…, "skipped":…} */
    public static String json(List<BenchRow> rows, Map<String, Object> machine) {
        List<Object> list = new ArrayList<>();
        int[] counts = new int[Outcome.values().length];
        for (BenchRow r : rows) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("figure", r.figure());
            m.put("measured", amount(r.measured()));
            m.put("reference", r.reference().isEmpty() ? null : r.reference());
            m.put("reference_measured", r.referenceAmount() == null ? null : amount(r.referenceAmount()));
            m.put("ratio", Double.isNaN(r.ratio()) ? null : r.ratio());
            m.put("target", r.target());
            m.put("outcome", r.outcome().word());
            m.put("note", r.note().isEmpty() ? null : r.note());
            list.add(m);
            counts[r.outcome().ordinal()]++;
        }
        Map<String, Object> top = new LinkedHashMap<>();
        top.put("machine", machine);
        top.put("rows", list);
        top.put("passed", counts[Outcome.PASS.ordinal()]);
        top.put("failed", counts[Outcome.FAIL.ordinal()]);
        top.put("skipped", counts[Outcome.SKIPPED.ordinal()]);
        return Json.write(top);
    }

    private static Map<String, Object> amount(Amount a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", Double.isNaN(a.value()) ? null : a.value());
        m.put("unit", a.unit().isEmpty() ? null : a.unit());
        return m;
    }

    /** Where the figures were taken: they mean little without it. */
    public static Map<String, Object> machine() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("java", System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        return m;
    }
}
