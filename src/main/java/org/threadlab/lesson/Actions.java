package org.threadlab.lesson;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.threadlab.text.Durations;
import org.threadlab.work.Demos;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.WorkloadType;
import org.threadlab.work.Workloads;
import org.threadlab.worker.VirtualThreads;
import org.threadlab.worker.WorkerKind;

/** Reads one item of a step's {@code do:} list into an {@link Action}, checking it as the runner would before it starts. */
final class Actions {
    static final List<String> NAMES = List.of("start", "python", "gil", "wait", "join", "terminate", "kill", "clear", "show", "baseline");
    /** A fixed count above this is a slip, not a lesson (the runner still caps what a multiple of the cores gives). */
    static final int MAX_COUNT = 64;
    static final int MAX_PER_CORE = 16;
    /** A lesson's step takes seconds; a wait of more than this is a slip (5m for 5s). */
    static final Duration MAX_WAIT = Duration.ofMinutes(10);

    private Actions() {}

    /** The action, or null when it is wrong (the problems say why). */
    static Action read(Yaml.Node item, Problems problems) {
        int line = item.line();
        if (item instanceof Yaml.Scalar s) {
            String word = s.text() == null ? "" : s.text().trim();
            if (word.equals("clear")) {
                return new Action.Clear(line);
            }
            int space = word.indexOf(' ');
            String first = space < 0 ? word : word.substring(0, space);
            if (NAMES.contains(first)) {
                problems.add(line, "write '" + first + ": " + word.substring(first.length()).trim() + "' (a colon after the action)");
            } else {
                problems.add(line, unknown(first));
            }
            return null;
        }
        if (!(item instanceof Yaml.Mapping m)) {
            problems.add(line, "an action is one 'name: value' (start, wait, ...), not a list");
            return null;
        }
        if (m.entries().size() != 1) {
            problems.add(line, "one action per item: start each of " + keys(m) + " on its own line with '- '");
            return null;
        }
        Yaml.Entry e = m.entries().get(0);
        if (!NAMES.contains(e.key())) {
            problems.add(e.line(), unknown(e.key()));
            return null;
        }
        String value = null;
        if (e.value() instanceof Yaml.Scalar s) {
            value = s.text() == null ? "" : s.text().trim();
        }
        if (e.key().equals("clear") && (value == null || value.isEmpty())) {
            return new Action.Clear(e.line());
        }
        if (value == null || value.isEmpty()) {
            problems.add(e.line(), e.key() + ": write its value on the same line (" + usage(e.key()) + ")");
            return null;
        }
        try {
            return action(e.key(), value, e.line());
        } catch (IllegalArgumentException ex) {
            problems.add(e.line(), ex.getMessage());
            return null;
        }
    }

    private static String keys(Yaml.Mapping m) {
        List<String> k = new ArrayList<>();
        for (Yaml.Entry e : m.entries()) {
            k.add(e.key());
        }
        return String.join(", ", k);
    }

    private static String unknown(String word) {
        return "unknown action '" + word + "' (the actions are " + String.join(", ", NAMES) + ")";
    }

    /** How an action is written, for a message. */
    static String usage(String name) {
        return switch (name) {
            case "start" -> "start: COUNT [daemon] thread(s)|virtual(s)|process(es) WORKLOAD [name=value...]";
            case "python" -> "python: PROGRAM.py [args], one of " + String.join(", ", Demos.NAMES);
            case "gil" -> "gil: on or off";
            case "wait" -> "wait: a time (2s, 500ms), round or key";
            case "join", "terminate", "kill" -> name + ": round or all";
            case "clear" -> "clear, alone";
            case "show" -> "show: round, rounds or timeline";
            case "baseline" -> "baseline: round";
            default -> name;
        };
    }

    private static Action action(String name, String value, int line) {
        return switch (name) {
            case "start" -> start(value, line);
            case "python" -> python(value, line);
            case "gil" -> new Action.Gil(line, onOff(value));
            case "wait" -> waitFor(value, line);
            case "join" -> new Action.Join(line, target(name, value));
            case "terminate" -> new Action.Terminate(line, target(name, value));
            case "kill" -> new Action.Kill(line, target(name, value));
            case "show" -> new Action.Show(line, view(value));
            case "baseline" -> baseline(value, line);
            default -> throw new IllegalArgumentException("clear: takes no value (write 'clear' alone)");
        };
    }

    private static boolean onOff(String value) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "on", "true":
                return true;
            case "off", "false":
                return false;
            default:
                throw new IllegalArgumentException("gil: on or off, not '" + value + "'");
        }
    }

    private static Action.Wait waitFor(String value, int line) {
        if (value.equals("round")) {
            return new Action.Wait(line, Action.Until.ROUND, null);
        }
        if (value.equals("key")) {
            return new Action.Wait(line, Action.Until.KEY, null);
        }
        Duration d;
        try {
            d = Durations.parse(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("wait: '" + value + "' is not a time (2s, 500ms, 1m), round or key");
        }
        if (d.isZero() || d.isNegative() || d.compareTo(MAX_WAIT) > 0) {
            throw new IllegalArgumentException("wait: a time from more than 0s to " + Durations.format(MAX_WAIT) + ", not " + value);
        }
        return new Action.Wait(line, Action.Until.TIME, d);
    }

    private static Action.Target target(String name, String value) {
        switch (value) {
            case "round":
                return Action.Target.ROUND;
            case "all":
                return Action.Target.ALL;
            default:
                throw new IllegalArgumentException(name + ": round (the step's latest round) or all (every live worker), not '" + value + "'");
        }
    }

    private static Action.View view(String value) {
        switch (value) {
            case "round":
                return Action.View.ROUND;
            case "rounds":
                return Action.View.ROUNDS;
            case "timeline":
                return Action.View.TIMELINE;
            default:
                throw new IllegalArgumentException("show: round (its summary), rounds (the rounds pane) or timeline (the timeline pane), not '"
                        + value + "'");
        }
    }

    private static Action.Baseline baseline(String value, int line) {
        if (!value.equals("round")) {
            throw new IllegalArgumentException("baseline: round (the step's latest round becomes the baseline), not '" + value + "'");
        }
        return new Action.Baseline(line);
    }

    private static Action.Python python(String value, int line) {
        String[] words = value.split("\\s+");
        String program = words[0].startsWith("./") ? words[0].substring(2) : words[0];
        program = program.startsWith("demos/") ? program.substring("demos/".length()) : program;
        if (!Demos.NAMES.contains(program)) {
            throw new IllegalArgumentException("python: '" + words[0] + "' is not one of the shipped demos (" + String.join(", ", Demos.NAMES) + ")");
        }
        List<String> args = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            if (words[i].indexOf('\'') >= 0 || words[i].indexOf('"') >= 0) {
                throw new IllegalArgumentException("python: no quotes in the demo's arguments (they are split on spaces)");
            }
            args.add(words[i]);
        }
        return new Action.Python(line, program, args);
    }

    /** {@code 2*cores daemon threads cpu units=0.5}. */
    private static Action.Start start(String value, int line) {
        Words w = new Words(value);
        String countWord = w.next();
        Count count = count(countWord);
        String word = w.next();
        boolean daemon = "daemon".equals(word);
        if (daemon) {
            word = w.next();
        }
        WorkerKind kind = kind(word, w);
        if (kind == WorkerKind.VIRTUAL && !VirtualThreads.available()) {
            throw new IllegalArgumentException("start: " + VirtualThreads.unavailableReason() + " (use threads)");
        }
        String rest = w.rest();
        if (rest.isEmpty()) {
            throw new IllegalArgumentException("start: which workload? (" + String.join(", ", Workloads.TYPES) + ")");
        }
        TypedSpec spec;
        try {
            WorkloadSpec text = WorkloadSpec.parse(rest);
            WorkloadType type = Workloads.type(text.type());
            // readTyped: a lesson, like the dialog, may not set threadlab's internal parameters (_unit, _file)
            spec = type.readTyped(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("start: " + e.getMessage());
        }
        String onlyProcess = kind == WorkerKind.PROCESS ? null : spec.type().onlyAsProcess(spec);
        if (onlyProcess != null) {
            throw new IllegalArgumentException("start: " + onlyProcess + " (write '" + count + " process"
                    + (count.fixed() == 1 ? "" : "es") + " " + spec.name() + " ...')");
        }
        return new Action.Start(line, count, kind, spec, daemon);
    }

    private static Count count(String word) {
        String how = "write a number, cores or K*cores, e.g. 'start: 2*cores threads cpu units=0.5'";
        if (word == null) {
            throw new IllegalArgumentException("start: how many? (" + how + ")");
        }
        if (word.equals("cores")) {
            return Count.cores(1);
        }
        if (word.endsWith("*cores")) {
            int k = number(word.substring(0, word.length() - "*cores".length()), "start: '" + word + "' is not a count (" + how + ")");
            if (k < 1 || k > MAX_PER_CORE) {
                throw new IllegalArgumentException("start: K*cores with K from 1 to " + MAX_PER_CORE + ", not " + word);
            }
            return Count.cores(k);
        }
        int n = number(word, "start: '" + word + "' is not a count (" + how + ")");
        if (n < 1 || n > MAX_COUNT) {
            throw new IllegalArgumentException("start: a count from 1 to " + MAX_COUNT + ", not " + word);
        }
        return Count.of(n);
    }

    private static int number(String text, String message) {
        if (text.isEmpty() || text.length() > 9) {
            throw new IllegalArgumentException(message);
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                throw new IllegalArgumentException(message);
            }
        }
        return Integer.parseInt(text);
    }

    private static WorkerKind kind(String word, Words w) {
        if (word == null) {
            throw new IllegalArgumentException("start: which kind? (" + usage("start") + ")");
        }
        switch (word) {
            case "thread", "threads":
                return WorkerKind.THREAD;
            case "process", "processes":
                return WorkerKind.PROCESS;
            case "virtual", "virtuals":
                // "2 virtual threads sleep" reads naturally too
                String next = w.peek();
                if ("thread".equals(next) || "threads".equals(next)) {
                    w.next();
                }
                return WorkerKind.VIRTUAL;
            default:
                String hint = Workloads.TYPES.contains(word) ? " (say the kind before the workload: 'N threads " + word + "')" : "";
                throw new IllegalArgumentException("start: unknown kind '" + word + "' (thread(s), virtual(s) or process(es))" + hint);
        }
    }

    /** The leading words of a start, then the rest as written (its quotes are the workload spec's to read). */
    private static final class Words {
        private final String text;
        private int at;

        Words(String text) {
            this.text = text;
        }

        String peek() {
            int save = at;
            String w = next();
            at = save;
            return w;
        }

        String next() {
            while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            if (at >= text.length()) {
                return null;
            }
            int start = at;
            while (at < text.length() && !Character.isWhitespace(text.charAt(at))) {
                at++;
            }
            return text.substring(start, at);
        }

        String rest() {
            return text.substring(at).trim();
        }
    }
}
