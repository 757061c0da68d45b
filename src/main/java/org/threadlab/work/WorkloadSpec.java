package org.threadlab.work;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workload type and its parameters as text (e.g. {@code cpu units=2 unit=123456}): the same
 * form on the command line, in the UI, and on a child process's command line.
 */
public record WorkloadSpec(String type, Map<String, String> params) {

    public WorkloadSpec {
        params = Collections.unmodifiableMap(new TreeMap<>(params));
    }

    public static WorkloadSpec of(String type) {
        return new WorkloadSpec(type, Map.of());
    }

    public WorkloadSpec with(String key, String value) {
        Map<String, String> p = new TreeMap<>(params);
        p.put(key, value);
        return new WorkloadSpec(type, p);
    }

    public String param(String key, String fallback) {
        String v = params.get(key);
        return v == null ? fallback : v;
    }

    /** "cpu units=2" style, for tables and events (internal calibration keys left out). */
    public String describe() {
        StringBuilder sb = new StringBuilder(type);
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (!e.getKey().startsWith("_")) {
                sb.append(' ').append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return sb.toString();
    }
}
