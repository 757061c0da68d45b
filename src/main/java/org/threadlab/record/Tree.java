package org.threadlab.record;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.json.JsonFactory;

/**
 * One JSON Lines line as plain maps, lists, strings, numbers and booleans, read with Jackson's
 * streaming parser (no databind), and typed getters whose errors name the field as a path
 * ({@code workers[2].cpu: expected a number, got "x"}).
 */
final class Tree {
    private static final JsonFactory JSON = new JsonFactory();

    /** A JSON object at a path, for typed reads. */
    record Obj(String path, Map<String, Object> fields) {
        private Object get(String name) {
            return fields.get(name);
        }

        private String at(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        boolean has(String name) {
            return fields.get(name) != null;
        }

        String string(String name) {
            Object v = get(name);
            if (v == null || v instanceof String) {
                return (String) v;
            }
            throw wrong(at(name), "a string", v);
        }

        String requiredString(String name) {
            String s = string(name);
            if (s == null) {
                throw new IllegalArgumentException(at(name) + ": missing");
            }
            return s;
        }

        long integer(String name) {
            Object v = get(name);
            if (v instanceof Long l) {
                return l;
            }
            throw v == null ? new IllegalArgumentException(at(name) + ": missing") : wrong(at(name), "a whole number", v);
        }

        int int32(String name) {
            long l = integer(name);
            if (l < Integer.MIN_VALUE || l > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(at(name) + ": " + l + " is out of range");
            }
            return (int) l;
        }

        Integer optionalInt(String name) {
            return get(name) == null ? null : int32(name);
        }

        /** null reads as NaN: JSON has no NaN, so the writer writes an unknown figure as null. */
        double decimal(String name) {
            return number(at(name), get(name));
        }

        boolean bool(String name) {
            Object v = get(name);
            if (v instanceof Boolean b) {
                return b;
            }
            throw v == null ? new IllegalArgumentException(at(name) + ": missing") : wrong(at(name), "true or false", v);
        }

        Obj object(String name) {
            Object v = get(name);
            if (v == null) {
                return null;
            }
            if (v instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) m;
                return new Obj(at(name), fields);
            }
            throw wrong(at(name), "an object", v);
        }

        Obj requiredObject(String name) {
            Obj o = object(name);
            if (o == null) {
                throw new IllegalArgumentException(at(name) + ": missing");
            }
            return o;
        }

        /** The raw value, for a field that may be of more than one shape. */
        Object raw(String name) {
            return get(name);
        }

        List<Object> array(String name) {
            Object v = get(name);
            if (v instanceof List<?> l) {
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) l;
                return list;
            }
            throw v == null ? new IllegalArgumentException(at(name) + ": missing") : wrong(at(name), "an array", v);
        }

        List<Obj> objects(String name) {
            List<Object> list = array(name);
            List<Obj> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                Object v = list.get(i);
                if (!(v instanceof Map<?, ?> m)) {
                    throw wrong(at(name) + "[" + i + "]", "an object", v);
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> fields = (Map<String, Object>) m;
                out.add(new Obj(at(name) + "[" + i + "]", fields));
            }
            return out;
        }

        List<String> strings(String name) {
            List<Object> list = array(name);
            List<String> out = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof String s)) {
                    throw wrong(at(name) + "[" + i + "]", "a string", list.get(i));
                }
                out.add(s);
            }
            return out;
        }

        double[] decimals(String name) {
            return decimals(at(name), array(name));
        }

        static double[] decimals(String path, List<Object> list) {
            double[] out = new double[list.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = number(path + "[" + i + "]", list.get(i));
            }
            return out;
        }

        private static double number(String path, Object v) {
            if (v == null) {
                return Double.NaN;
            }
            if (v instanceof Long l) {
                return l;
            }
            if (v instanceof Double d) {
                return d;
            }
            throw wrong(path, "a number", v);
        }

        static IllegalArgumentException wrong(String path, String expected, Object got) {
            String shown = got instanceof String s ? "the string \"" + (s.length() > 20 ? s.substring(0, 20) + "…" : s) + "\""
                    : got instanceof Map ? "an object" : got instanceof List ? "an array" : String.valueOf(got);
            return new IllegalArgumentException(path + ": expected " + expected + ", got " + shown);
        }
    }

    private Tree() {}

    /** Parses one line that must hold exactly one JSON object. IllegalArgumentException says what is wrong. */
    static Obj parse(byte[] line, int length) {
        try (JsonParser p = JSON.createParser(ObjectReadContext.empty(), line, 0, length)) {
            JsonToken t = p.nextToken();
            if (t == null) {
                throw new IllegalArgumentException("empty line");
            }
            if (t != JsonToken.START_OBJECT) {
                throw new IllegalArgumentException("not a JSON object");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> root = (Map<String, Object>) value(p, t);
            if (p.nextToken() != null) {
                throw new IllegalArgumentException("more than one JSON value on the line");
            }
            return new Obj("", root);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("not valid JSON (" + e.getOriginalMessage() + ")");
        }
    }

    private static Object value(JsonParser p, JsonToken t) {
        switch (t) {
            case START_OBJECT -> {
                Map<String, Object> m = new LinkedHashMap<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_OBJECT; n = p.nextToken()) {
                    String name = p.currentName();
                    m.put(name, value(p, p.nextToken()));
                }
                return m;
            }
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                for (JsonToken n = p.nextToken(); n != JsonToken.END_ARRAY; n = p.nextToken()) {
                    l.add(value(p, n));
                }
                return l;
            }
            case VALUE_STRING -> {
                return p.getString();
            }
            case VALUE_NUMBER_INT -> {
                return p.getLongValue();
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IllegalArgumentException("unexpected " + t);
        }
    }
}
