package org.threadlab.lesson;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads a lesson file (YAML, demos/README.md) into a checked {@link Lesson}: every key, action, count,
 * kind, workload and parameter is checked before anything starts, and every mistake found is reported
 * at once as {@code SOURCE:LINE: what is wrong} in a {@link LessonFileException}.
 */
public final class LessonReader {
    private static final List<String> LESSON_KEYS = List.of("title", "about", "steps");
    private static final List<String> STEP_KEYS = List.of("title", "say", "ask", "answer", "do");

    private LessonReader() {}

    /**
     * The lesson in {@code text}.
     *
     * @param name   what the lesson is called (its file name without .yaml)
     * @param source where it came from, as each problem names it (the path as given, "built-in gil")
     */
    public static Lesson read(String name, String source, String text) {
        Problems problems = new Problems(source);
        Yaml.Node root = Yaml.read(text, problems);
        Lesson lesson = root == null ? null : lesson(name, source, root, problems);
        problems.throwIfAny();
        return lesson;
    }

    private static Lesson lesson(String name, String source, Yaml.Node root, Problems problems) {
        if (!(root instanceof Yaml.Mapping m)) {
            problems.add(root.line(), "a lesson starts with 'title:', then 'about:' and 'steps:' (this is not a list of keys)");
            return null;
        }
        unknownKeys(m, LESSON_KEYS, "a lesson", problems);
        String title = text(m, "title", true, "the lesson", problems);
        String about = text(m, "about", false, "the lesson", problems);
        List<Step> steps = new ArrayList<>();
        Yaml.Entry s = m.get("steps");
        if (s == null) {
            problems.add(m.line(), "the lesson has no 'steps:' (a list of steps, each '- title: ...')");
        } else if (!(s.value() instanceof Yaml.Sequence seq) || seq.items().isEmpty()) {
            problems.add(s.line(), "steps: list the steps under it, each starting with '- title: ...'");
        } else {
            for (Yaml.Node item : seq.items()) {
                Step step = step(item, problems);
                if (step != null) {
                    steps.add(step);
                }
            }
        }
        return new Lesson(name, title == null ? "" : title, about == null ? "" : about, source, steps);
    }

    private static Step step(Yaml.Node node, Problems problems) {
        if (!(node instanceof Yaml.Mapping m)) {
            problems.add(node.line(), "a step is keys (title, say, ask, answer, do), not a single value");
            return null;
        }
        unknownKeys(m, STEP_KEYS, "a step", problems);
        String title = text(m, "title", true, "the step", problems);
        String say = text(m, "say", false, "the step", problems);
        String ask = text(m, "ask", false, "the step", problems);
        String answer = text(m, "answer", false, "the step", problems);
        Yaml.Entry a = m.get("answer");
        if (a != null && m.get("ask") == null) {
            problems.add(a.line(), "answer without ask: add the question ('ask: ...') the answer belongs to");
        }
        List<Action> actions = new ArrayList<>();
        Yaml.Entry d = m.get("do");
        if (d != null) {
            if (!(d.value() instanceof Yaml.Sequence seq) || seq.items().isEmpty()) {
                problems.add(d.line(), "do: list the actions under it, each on a line starting with '- ' (or leave 'do' out)");
            } else {
                for (Yaml.Node item : seq.items()) {
                    Action action = Actions.read(item, problems);
                    if (action != null) {
                        actions.add(action);
                    }
                }
            }
        } else if (m.get("say") == null) {
            problems.add(m.line(), "the step says nothing and does nothing: give it 'say:' or 'do:'");
        }
        Step.Question q = ask == null ? null : new Step.Question(m.get("ask").line(), ask, answer);
        return new Step(m.line(), title == null ? "" : title, say == null ? "" : say, q, actions);
    }

    private static void unknownKeys(Yaml.Mapping m, List<String> known, String what, Problems problems) {
        for (Yaml.Entry e : m.entries()) {
            if (!known.contains(e.key())) {
                String hint = Set.of("wait", "start", "gil", "join", "terminate", "kill", "clear", "show", "baseline", "python")
                        .contains(e.key()) && what.equals("a step") ? " ('" + e.key() + "' is an action: put it in the step's 'do:' list)" : "";
                problems.add(e.line(), "unknown key '" + e.key() + "' in " + what + " (" + what + " has " + String.join(", ", known) + ")" + hint);
            }
        }
    }

    /** A text value: a scalar, trimmed (a {@code |} block's last newline goes), or null when absent. */
    private static String text(Yaml.Mapping m, String key, boolean required, String of, Problems problems) {
        Yaml.Entry e = m.get(key);
        if (e == null) {
            if (required) {
                problems.add(m.line(), of + " has no '" + key + ":'");
            }
            return null;
        }
        if (!(e.value() instanceof Yaml.Scalar s)) {
            problems.add(e.line(), key + ": write text here, not a list or keys (quote it if it has ': ' or starts with '- ')");
            return null;
        }
        String t = s.text() == null ? "" : s.text().strip();
        if (t.isEmpty()) {
            problems.add(e.line(), key + ": is empty");
            return null;
        }
        return t;
    }
}
