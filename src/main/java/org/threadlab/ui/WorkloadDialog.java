package org.threadlab.ui;

import java.util.Map;
import org.threadlab.work.Param;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.WorkloadType;
import org.threadlab.work.Workloads;

/**
 * The {@code w} dialog's state: a workload type (Up/Down or Tab) and its parameters as one line
 * edited like a shell's: a cursor that Left/Right/Home/End move, Backspace/Delete and the readline
 * kills (Ctrl-U, Ctrl-K, Ctrl-W). It opens with the workload in use, every default filled in, so the
 * user sees what can be set; the types, the parameters and their help come from the workload
 * descriptors. Enter checks the line with {@link Workloads#parse}; an error stays in the dialog, inline,
 * until fixed or cancelled.
 */
final class WorkloadDialog {
    int type;
    /** The parameter line; change it through the methods below, which keep the cursor inside it. */
    String params = "";
    /** Where the next character goes: 0 before the first, {@code params.length()} after the last. */
    int cursor;
    String error;
    /** The workload in use when the dialog opened: its own values come back when its type does. */
    private WorkloadSpec opened = WorkloadSpec.of(Workloads.types().get(0).name());

    void open(WorkloadSpec current) {
        opened = current;
        type = Math.max(0, Workloads.TYPES.indexOf(current.type()));
        set(shown(current));
        error = null;
    }

    String typeName() {
        return type().name();
    }

    void cycleType(int delta) {
        int n = Workloads.types().size();
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

    /** The spec as typed, checked with its descriptor; on a bad spec the error is kept for display and null returned. */
    ChosenWorkload apply() {
        try {
            // read once, here at the edge: every spawn then uses the typed values
            ChosenWorkload chosen = ChosenWorkload.of(WorkloadSpec.parseParams(typeName(), params));
            error = null;
            return chosen;
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            return null;
        }
    }

    /** The parameter the cursor is in (its name before '='), for the help line under the field; null when none. */
    Param<?> paramAtCursor() {
        String key = null;
        int i = 0;
        while (i < params.length()) {
            while (i < params.length() && params.charAt(i) == ' ') {
                i++;
            }
            if (i >= params.length() || i > cursor) {
                break;
            }
            int end = params.indexOf(' ', i);
            end = end < 0 ? params.length() : end;
            int eq = params.indexOf('=', i);
            // a word without '=' continues the value before it (cmd=python3 x.py): the name stays the one before
            if (eq > i && eq < end) {
                key = params.substring(i, eq);
            }
            i = end;
        }
        Param<?> p = key == null ? null : type().param(key);
        return p == null || p.internal() ? null : p;
    }

    WorkloadType type() {
        return Workloads.types().get(type);
    }

    /** The parameters a type takes, with their defaults, so the user sees what can be set. */
    static String defaults(String type) {
        return shown(WorkloadSpec.of(type));
    }

    /**
     * A spec's parameters with the defaults it leaves out filled in, as the workload will run, in the
     * order its descriptor lists them. A default is shown as its descriptor writes it (units=1).
     */
    private static String shown(WorkloadSpec spec) {
        WorkloadType t = Workloads.type(spec.type());
        TypedSpec typed;
        try {
            typed = Workloads.parse(spec);
        } catch (IllegalArgumentException e) {
            // a type with a required parameter (exec's cmd), or a spec gone bad: show what there is, or an example to edit
            String given = text(t, spec.params(), null);
            return given.isEmpty() ? t.example() : given;
        }
        return text(t, spec.params(), typed);
    }

    private static String text(WorkloadType t, Map<String, String> given, TypedSpec typed) {
        StringBuilder sb = new StringBuilder();
        for (Param<?> p : t.params()) {
            String value = given.get(p.name());
            if (value == null && typed != null && typed.has(p)) {
                value = p.fallback() != null ? p.fallback() : p.format(typed.get(p));
            }
            if (value != null && !p.internal()) {
                sb.append(sb.length() == 0 ? "" : " ").append(p.name()).append('=').append(WorkloadSpec.quoted(value));
            }
        }
        return sb.toString();
    }
}
