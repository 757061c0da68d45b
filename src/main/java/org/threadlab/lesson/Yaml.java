package org.threadlab.lesson;

import java.util.ArrayList;
import java.util.List;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.dataformat.yaml.YAMLFactory;

/**
 * A lesson file's YAML as a small tree whose every node knows its line, read with Jackson's streaming
 * YAML parser. Duplicate keys are mistakes here (YAML's "the last wins" would silently drop a step's
 * narration); syntax errors and tabs are reported with the line they are on.
 */
final class Yaml {
    private static final YAMLFactory YAML = new YAMLFactory();

    private Yaml() {}

    /** A value in the file, and the line it starts on. */
    sealed interface Node {
        int line();
    }

    /** A scalar; {@code text} is null for an empty value ({@code say:} with nothing after it). */
    record Scalar(int line, String text) implements Node {}

    /** A key and its value, with the key's line. */
    record Entry(int line, String key, Node value) {}

    /** A mapping, its keys in the file's order (no key twice). */
    record Mapping(int line, List<Entry> entries) implements Node {
        Entry get(String key) {
            for (Entry e : entries) {
                if (e.key.equals(key)) {
                    return e;
                }
            }
            return null;
        }
    }

    /** A sequence. */
    record Sequence(int line, List<Node> items) implements Node {}

    /** The tree of {@code text}, or null when it cannot be read (the problems say why and where). */
    static Node read(String text, Problems problems) {
        try (JsonParser p = YAML.createParser(ObjectReadContext.empty(), text)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                problems.add(1, "the file is empty (a lesson has a title and steps)");
                return null;
            }
            Node root = node(p, t, problems);
            if (p.nextToken() != null) {
                problems.add(p.currentTokenLocation().getLineNr(), "one lesson per file: a second YAML document starts here (after '---')");
            }
            return root;
        } catch (JacksonException e) {
            // only now: a tab is fine inside a quoted or block text, and then the file reads well
            boolean tabs = tabs(text, problems);
            int line = line(e);
            // a tab in the indentation makes the YAML scanner stop right there: the tab's own line says it better
            if (!(tabs && problems.at(line))) {
                problems.add(line, "not valid YAML: " + problem(e));
            }
            return null;
        }
    }

    /** Tabs in the indentation, each reported: YAML indents with spaces only. */
    private static boolean tabs(String text, Problems problems) {
        String[] lines = text.split("\n", -1);
        boolean any = false;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i];
            int j = 0;
            while (j < l.length() && (l.charAt(j) == ' ' || l.charAt(j) == '\t' || l.charAt(j) == '-')) {
                j++;
            }
            if (l.substring(0, j).indexOf('\t') >= 0) {
                problems.add(i + 1, "a tab in the indentation: indent with spaces (YAML does not allow tabs there)");
                any = true;
            }
        }
        return any;
    }

    private static Node node(JsonParser p, JsonToken t, Problems problems) {
        int line = p.currentTokenLocation().getLineNr();
        if (t == JsonToken.START_OBJECT) {
            List<Entry> entries = new ArrayList<>();
            for (JsonToken k = p.nextToken(); k != JsonToken.END_OBJECT; k = p.nextToken()) {
                String key = p.currentName();
                int keyLine = p.currentTokenLocation().getLineNr();
                Node value = node(p, p.nextToken(), problems);
                Entry first = new Mapping(line, entries).get(key);
                if (first != null) {
                    problems.add(keyLine, "'" + key + "' is given twice here (first on line " + first.line + ")");
                } else {
                    entries.add(new Entry(keyLine, key, value));
                }
            }
            return new Mapping(line, entries);
        }
        if (t == JsonToken.START_ARRAY) {
            List<Node> items = new ArrayList<>();
            for (JsonToken i = p.nextToken(); i != JsonToken.END_ARRAY; i = p.nextToken()) {
                items.add(node(p, i, problems));
            }
            return new Sequence(line, items);
        }
        return new Scalar(line, t == JsonToken.VALUE_NULL ? null : p.getString());
    }

    /** The line of a syntax error: the scanner's mark of the problem (the parser's own location is where it was reading). */
    private static int line(JacksonException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYamlEngineException m && m.getProblemMark().isPresent()) {
                // at the end of the file, where the unclosed quote or bracket began says more than the end does
                boolean atEnd = String.valueOf(m.getProblem()).contains("end of stream") && m.getContextMark().isPresent();
                return (atEnd ? m.getContextMark().get() : m.getProblemMark().get()).getLine() + 1;
            }
        }
        return e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNr());
    }

    /** The scanner's own words for it, on one line, without its quote of the file. */
    private static String problem(JacksonException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYamlEngineException m && m.getProblem() != null) {
                String context = m.getContext() == null ? "" : m.getContext() + ": ";
                return (context + m.getProblem()).replace('\n', ' ');
            }
        }
        return e.getOriginalMessage().lines().findFirst().orElse("cannot be read");
    }
}
