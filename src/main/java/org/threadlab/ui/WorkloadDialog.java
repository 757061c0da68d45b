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
            for (String part : params.trim().split("\\s+")) {
                if (part.isEmpty()) {
                    continue;
                }
                int eq = part.indexOf('=');
                if (eq <= 0) {
                    throw new IllegalArgumentException("write parameters as name=value, not '" + part + "'");
                }
                spec = spec.with(part.substring(0, eq), part.substring(eq + 1));
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
            return "";
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
