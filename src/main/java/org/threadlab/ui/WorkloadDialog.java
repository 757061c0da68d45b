package org.threadlab.ui;

import java.util.Map;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;

/**
 * The {@code w} dialog's state: a workload type (left/right) and its parameters as one editable
 * line, pre-filled with the type's defaults. Enter validates with {@link Workloads#normalize}; an
 * error stays in the dialog, inline, until fixed or cancelled.
 */
final class WorkloadDialog {
    int type;
    String params = "";
    String error;

    void open(WorkloadSpec current) {
        type = Math.max(0, Workloads.TYPES.indexOf(current.type()));
        params = paramsText(current);
        error = null;
    }

    String typeName() {
        return Workloads.TYPES.get(type);
    }

    void cycleType(int delta) {
        int n = Workloads.TYPES.size();
        type = ((type + delta) % n + n) % n;
        params = defaults(typeName());
        error = null;
    }

    void type(char c) {
        params += c;
        error = null;
    }

    void backspace() {
        if (!params.isEmpty()) {
            params = params.substring(0, params.length() - 1);
        }
        error = null;
    }

    /** The spec as typed, normalized; on a bad spec the error is kept for display and null returned. */
    WorkloadSpec apply() {
        try {
            WorkloadSpec spec = WorkloadSpec.of(typeName());
            String key = null;
            for (String part : params.trim().split("\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq > 0) {
                    key = part.substring(0, eq);
                    spec = spec.with(key, part.substring(eq + 1));
                } else if (key != null) {
                    // a word without '=' continues the value before it: cmd=python3 demos/busy_threads.py 30
                    spec = spec.with(key, spec.params().get(key) + " " + part);
                } else {
                    throw new IllegalArgumentException("write parameters as name=value, not '" + part + "'");
                }
            }
            Workloads.normalize(spec);
            error = null;
            return spec;
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            return null;
        }
    }

    /** The parameters a type takes, with their defaults, so the user sees what can be set. */
    static String defaults(String type) {
        try {
            return paramsText(Workloads.normalize(WorkloadSpec.of(type)));
        } catch (IllegalArgumentException e) {
            // a type with a required parameter (exec's cmd): show an example to edit
            return Workloads.example(type);
        }
    }

    private static String paramsText(WorkloadSpec spec) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : spec.params().entrySet()) {
            if (!e.getKey().startsWith("_")) {
                sb.append(sb.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(e.getValue());
            }
        }
        return sb.toString();
    }
}
