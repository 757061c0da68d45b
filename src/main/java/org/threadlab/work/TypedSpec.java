package org.threadlab.work;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A workload spec read and checked once, at the edge (an option, the dialog, a child's arguments):
 * its type and a value for every parameter, typed. Everything after the edge (limits, heap, starting,
 * the round of a lesson) reads these values; nothing parses the text again.
 */
public record TypedSpec(WorkloadType type, Map<String, Object> values) {

    public TypedSpec {
        values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public String name() {
        return type.name();
    }

    /** The value of a parameter of this type (null when an optional one was not given). */
    @SuppressWarnings("unchecked")
    public <T> T get(Param<T> param) {
        return (T) values.get(param.name());
    }

    public boolean has(Param<?> param) {
        return values.containsKey(param.name());
    }

    /** The same spec with one value set (already checked: threadlab sets internal ones, like a round's file). */
    public <T> TypedSpec with(Param<T> param, T value) {
        Map<String, Object> v = new LinkedHashMap<>(values);
        v.put(param.name(), value);
        return new TypedSpec(type, v);
    }

    /** The text form: every value written back as {@link Param#format} writes it (parses to this spec again). */
    public WorkloadSpec text() {
        Map<String, String> p = new TreeMap<>();
        for (Param<?> param : type.params()) {
            Object v = values.get(param.name());
            if (v != null) {
                p.put(param.name(), param.format(v));
            }
        }
        return new WorkloadSpec(type.name(), p);
    }

    /**
     * "units=0.5": only the values that differ from their defaults, internal ones left out, as a round's
     * label says it (two specs that differ only in spelling a default say the same).
     */
    public String changed() {
        StringBuilder out = new StringBuilder();
        for (Param<?> param : type.params()) {
            Object v = values.get(param.name());
            if (v == null || param.internal() || isDefault(param, v)) {
                continue;
            }
            out.append(out.length() == 0 ? "" : " ").append(param.name()).append('=').append(param.format(v));
        }
        return out.toString();
    }

    private static boolean isDefault(Param<?> param, Object value) {
        if (param.fallback() == null) {
            return false;
        }
        try {
            return java.util.Objects.equals(param.parse(param.fallback()), value);
        } catch (RuntimeException e) {
            return false; // a default read only in context (cores): said, as given
        }
    }

    /** "cpu stubborn=false units=2.0", as events and tables show it. */
    public String describe() {
        return text().describe();
    }
}
