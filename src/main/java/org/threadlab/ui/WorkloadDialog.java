package org.threadlab.ui;

import java.util.Map;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;

/**
 * The {@code w} dialog's state: a workload type (Up/Down or Tab) and its parameters as one line
 * edited like a shell's: a cursor that Left/Right/Home/End move, Backspace/Delete and the readline
 * kills (Ctrl-U, Ctrl-K, Ctrl-W). It opens with the workload in use, every default filled in, so the
 * user sees what can be set. Enter validates with {@link Workloads#normalize}; an error stays in the
 * dialog, inline, until fixed or cancelled.
 */
final class WorkloadDialog {
    int type;
    /** The parameter line; change it through the methods below, which keep the cursor inside it. */
    String params = "";
    /** Where the next character goes: 0 before the first, {@code params.length()} after the last. */
    int cursor;
    String error;
    /** The workload in use when the dialog opened: its own values come back when its type does. */
    private WorkloadSpec opened = WorkloadSpec.of(Workloads.TYPES.get(0));

    void open(WorkloadSpec current) {
        opened = current;
        type = Math.max(0, Workloads.TYPES.indexOf(current.type()));
        set(shown(current));
        error = null;
    }

    String typeName() {
        return Workloads.TYPES.get(type);
    }

    void cycleType(int delta) {
        int n = Workloads.TYPES.size();
        type = ((type + delta) % n + n) % n;
        set(typeName().equals(opened.type()) ? shown(opened) : defaults(typeName()));
        error = null;
    }

    /** Replaces the line, cursor at its end. */
    void set(String text) {
        params = text;
        cursor = text.length();
        error = null;
    }

    void type(char c) {
        edit(params.substring(0, cursor) + c + params.substring(cursor), cursor + 1);
    }

    void backspace() {
        if (cursor > 0) {
            edit(params.substring(0, cursor - 1) + params.substring(cursor), cursor - 1);
        }
    }

    void delete() {
        if (cursor < params.length()) {
            edit(params.substring(0, cursor) + params.substring(cursor + 1), cursor);
        }
    }

    void left() {
        cursor = Math.max(0, cursor - 1);
    }

    void right() {
        cursor = Math.min(params.length(), cursor + 1);
    }

    void home() {
        cursor = 0;
    }

    void end() {
        cursor = params.length();
    }

    /** Ctrl-U: deletes from the start of the line to the cursor, as bash does. */
    void deleteToStart() {
        edit(params.substring(cursor), 0);
    }

    /** Ctrl-K: deletes from the cursor to the end of the line. */
    void deleteToEnd() {
        edit(params.substring(0, cursor), cursor);
    }

    /** Ctrl-W: deletes the word before the cursor (up to a space), and the spaces after it, as bash does. */
    void deleteWordBefore() {
        int from = cursor;
        while (from > 0 && params.charAt(from - 1) == ' ') {
            from--;
        }
        while (from > 0 && params.charAt(from - 1) != ' ') {
            from--;
        }
        edit(params.substring(0, from) + params.substring(cursor), from);
    }

    private void edit(String text, int newCursor) {
        params = text;
        cursor = Math.max(0, Math.min(text.length(), newCursor));
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

    /** A spec's parameters with the defaults it leaves out filled in, as the workload will run. */
    private static String shown(WorkloadSpec spec) {
        try {
            return paramsText(Workloads.normalize(spec));
        } catch (IllegalArgumentException e) {
            String typed = paramsText(spec);
            return typed.isEmpty() ? Workloads.example(spec.type()) : typed;
        }
    }

    private static String paramsText(WorkloadSpec spec) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : spec.params().entrySet()) {
            if (!e.getKey().startsWith("_")) {
                // normalize writes units as a double: the help says "default 1", so show 1, not 1.0
                String value = e.getValue().matches("\\d+\\.0") ? e.getValue().substring(0, e.getValue().length() - 2) : e.getValue();
                sb.append(sb.length() == 0 ? "" : " ").append(e.getKey()).append('=').append(value);
            }
        }
        return sb.toString();
    }
}
