package org.threadlab.work;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.threadlab.shared.Counter;
import org.threadlab.shared.MappedRing;
import org.threadlab.text.Durations;
import org.threadlab.text.Sizes;

/**
 * The catalogue of workloads: which exist, which parameters each takes, their defaults and limits.
 * {@link #normalize} checks a spec once, in the parent, before anything starts; {@link #create}
 * builds the workload from a normalized spec, in the parent or in a child JVM.
 */
public final class Workloads {
    public static final List<String> TYPES = List.of("sleep", "cpu", "memory", "pool", "counter", "global", "queue", "crash", "exec");

    private static final Map<String, Set<String>> PARAMS = Map.ofEntries(
            Map.entry("sleep", Set.of("duration")),
            Map.entry("cpu", Set.of("units", "stubborn", "_unit")),
            Map.entry("memory", Set.of("size", "hold")),
            Map.entry("pool", Set.of("inputs", "workers", "task", "cost", "pool", "_unit")),
            Map.entry("pool-member", Set.of("task", "cost", "_unit")),
            Map.entry("counter", Set.of("mode", "increments", "memory", "group", "_file")),
            Map.entry("global", Set.of("items", "pause", "group")),
            Map.entry("queue", Set.of("items", "capacity", "produce", "consume")),
            Map.entry("queue-consumer", Set.of("items", "consume", "_file")),
            Map.entry("crash", Set.of("how", "after")),
            Map.entry("exec", Set.of("cmd")));

    static final Duration MAX_DURATION = Duration.ofHours(24);
    static final double MAX_UNITS = 100_000;
    static final int MAX_INPUTS = 1_000_000;
    static final int MAX_POOL = 256;
    static final int MAX_INCREMENTS = 1_000_000_000;
    static final int MAX_ITEMS = 1_000_000;

    private Workloads() {}

    /** One-line descriptions for help texts and the workload dialog. */
    public static String describe(String type) {
        return switch (type) {
            case "sleep" -> "waits like I/O (duration, default 2s)";
            case "cpu" -> "burns CPU in units of about 1s of one core (units, default 1; stubborn=true ignores cancel)";
            case "memory" -> "allocates and holds memory (size, default 64MiB; hold, default until stopped)";
            case "counter" -> "increments a shared counter (mode unsafe|lock|atomic, increments 1000000, memory plain|shared, group)";
            case "global" -> "appends results to a global list (items 5, pause 20ms, group)";
            case "queue" -> "a producer and a consumer through a bounded queue (items 200, capacity 16, produce 5ms, consume 10ms)";
            case "exec" -> "runs a real program as a process and watches its threads (cmd=python3 demos/busy_threads.py 30)";
            case "crash" -> "goes wrong on purpose (how throw|oom|exit, after 1s): a crash stays inside its worker";
            case "pool" -> "maps x*x over inputs with a pool (inputs 8, workers = cores, pool thread|process, task cpu|sleep, cost 250ms)";
            default -> type;
        };
    }

    /** Parameters to start from for a type that has a required one; "" for the others. */
    public static String example(String type) {
        return type.equals("exec") ? "cmd=python3 demos/busy_threads.py 30" : "";
    }

    /**
     * Checks a spec and fills in its defaults (and, for CPU work, this machine's calibrated unit).
     * Throws IllegalArgumentException with a one-line message naming the bad parameter.
     */
    public static WorkloadSpec normalize(WorkloadSpec spec) {
        Set<String> known = PARAMS.get(spec.type());
        if (known == null || spec.type().equals("pool-member") || spec.type().equals("queue-consumer")) {
            throw new IllegalArgumentException("unknown workload '" + spec.type() + "' (choose from " + String.join(", ", TYPES) + ")");
        }
        for (String key : spec.params().keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("workload " + spec.type() + " takes no parameter '" + key
                        + "' (it takes " + String.join(", ", known.stream().filter(k -> !k.startsWith("_")).sorted().toList()) + ")");
            }
        }
        Map<String, String> p = new TreeMap<>(spec.params());
        switch (spec.type()) {
            case "sleep" -> p.put("duration", Durations.format(duration(p, "duration", "2s")));
            case "cpu" -> {
                p.put("units", Double.toString(units(p, "units", "1")));
                p.put("stubborn", Boolean.toString(bool(p, "stubborn", "false")));
                p.putIfAbsent("_unit", Long.toString(CpuCalibration.iterationsPerUnit()));
            }
            case "memory" -> {
                long size = size(p, "size", "64MiB");
                p.put("size", Sizes.format(size));
                if (p.containsKey("hold")) {
                    p.put("hold", Durations.format(duration(p, "hold", null)));
                }
            }
            case "pool" -> {
                int inputs = count(p, "inputs", "8", MAX_INPUTS);
                int size = count(p, "workers", Integer.toString(Runtime.getRuntime().availableProcessors()), MAX_POOL);
                String pool = choice(p, "pool", "thread", "thread", "process");
                String task = choice(p, "task", "cpu", "cpu", "sleep");
                Duration cost = duration(p, "cost", "250ms");
                p.put("inputs", Integer.toString(inputs));
                p.put("workers", Integer.toString(size));
                p.put("pool", pool);
                p.put("task", task);
                p.put("cost", Durations.format(cost));
                if (task.equals("cpu")) {
                    p.putIfAbsent("_unit", Long.toString(CpuCalibration.iterationsPerUnit()));
                }
            }
            case "counter" -> {
                p.put("mode", choice(p, "mode", "unsafe", "unsafe", "lock", "atomic"));
                p.put("increments", Integer.toString(count(p, "increments", "1000000", MAX_INCREMENTS)));
                p.put("memory", choice(p, "memory", "plain", "plain", "shared"));
                p.put("group", group(p));
            }
            case "global" -> {
                p.put("items", Integer.toString(count(p, "items", "5", MAX_ITEMS)));
                p.put("pause", Durations.format(pause(p, "pause", "20ms")));
                p.put("group", group(p));
            }
            case "queue" -> {
                p.put("items", Integer.toString(count(p, "items", "200", MAX_ITEMS)));
                p.put("capacity", Integer.toString(count(p, "capacity", "16", MappedRing.MAX_CAPACITY)));
                p.put("produce", Durations.format(pause(p, "produce", "5ms")));
                p.put("consume", Durations.format(pause(p, "consume", "10ms")));
            }
            case "exec" -> p.put("cmd", String.join(" ", ExecWork.parse(p.get("cmd"))));
            case "crash" -> {
                p.put("how", choice(p, "how", "throw", "throw", "oom", "exit"));
                p.put("after", Durations.format(pause(p, "after", "1s")));
            }
            default -> throw new IllegalArgumentException("unknown workload '" + spec.type() + "'");
        }
        return new WorkloadSpec(spec.type(), p);
    }

    /** Builds a workload to run in threadlab's own JVM. */
    public static Workload create(WorkloadSpec spec, PoolMember.Launcher launcher) {
        return create(spec, launcher, false);
    }

    /**
     * Builds a workload from a normalized spec (no defaults or calibration looked up here: children
     * use it). {@code inChildProcess} picks the inter-process variant where there is one (queue).
     */
    public static Workload create(WorkloadSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
        Map<String, String> p = spec.params();
        switch (spec.type()) {
            case "sleep":
                return new SleepWork(Durations.parse(p.get("duration")));
            case "cpu":
                return new CpuBurn(Double.parseDouble(p.get("units")), Long.parseLong(p.get("_unit")),
                        Boolean.parseBoolean(p.get("stubborn")));
            case "memory":
                return new MemoryHold(Sizes.parse(p.get("size")), p.containsKey("hold") ? Durations.parse(p.get("hold")) : null);
            case "pool": {
                WorkloadSpec task = memberTask(spec);
                return new PoolMap(Integer.parseInt(p.get("inputs")), Integer.parseInt(p.get("workers")),
                        "process".equals(p.get("pool")), task, taskWork(task), launcher);
            }
            case "pool-member":
                return taskWork(spec);
            case "counter":
                return new CounterWork(Counter.Mode.valueOf(p.get("mode").toUpperCase(java.util.Locale.ROOT)),
                        Long.parseLong(p.get("increments")), p.get("group"), p.containsKey("_file") ? Path.of(p.get("_file")) : null);
            case "queue":
                return new QueueWork(Integer.parseInt(p.get("items")), Integer.parseInt(p.get("capacity")),
                        Durations.parse(p.get("produce")), Durations.parse(p.get("consume")), launcher, inChildProcess);
            case "queue-consumer":
                return new QueueWork.Consumer(Integer.parseInt(p.get("items")), Durations.parse(p.get("consume")), Path.of(p.get("_file")));
            case "exec":
                return new ExecWork(ExecWork.parse(p.get("cmd")));
            case "crash":
                return new CrashWork(CrashWork.How.valueOf(p.get("how").toUpperCase(java.util.Locale.ROOT)), Durations.parse(p.get("after")));
            case "global":
                return new GlobalListWork(Integer.parseInt(p.get("items")), p.get("group"), Durations.parse(p.get("pause")));
            default:
                throw new IllegalArgumentException("unknown workload '" + spec.type() + "'");
        }
    }

    /** The per-input work of a pool, as a spec a pool member process is started with. */
    static WorkloadSpec memberTask(WorkloadSpec pool) {
        WorkloadSpec task = WorkloadSpec.of("pool-member").with("task", pool.param("task", "cpu")).with("cost", pool.param("cost", "250ms"));
        String unit = pool.params().get("_unit");
        return unit == null ? task : task.with("_unit", unit);
    }

    private static Workload taskWork(WorkloadSpec task) {
        Duration cost = Durations.parse(task.param("cost", "250ms"));
        if ("sleep".equals(task.params().get("task"))) {
            return new SleepWork(cost);
        }
        return new CpuBurn(cost.toNanos() / 1e9, Long.parseLong(task.params().get("_unit")), false);
    }

    /** Memory a workload will hold, so the caller can refuse what the machine cannot give. */
    public static long memoryNeeded(WorkloadSpec normalized) {
        return normalized.type().equals("memory") ? Sizes.parse(normalized.params().get("size")) : 0;
    }

    private static Duration duration(Map<String, String> p, String key, String fallback) {
        String text = p.getOrDefault(key, fallback);
        Duration d = parse(key, text);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(key + " must be positive, not " + text);
        }
        if (d.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException(key + " " + text + " is too long (at most 24h)");
        }
        return d;
    }

    private static Duration parse(String key, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
    }

    private static double units(Map<String, String> p, String key, String fallback) {
        String text = p.getOrDefault(key, fallback);
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, not '" + text + "'");
        }
        if (!(v > 0) || v > MAX_UNITS) {
            throw new IllegalArgumentException(key + " must be more than 0 and at most " + (long) MAX_UNITS + ", not " + text);
        }
        return v;
    }

    private static int count(Map<String, String> p, String key, String fallback, int max) {
        String text = p.getOrDefault(key, fallback);
        long v;
        try {
            v = Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number, not '" + text + "'");
        }
        if (v < 1 || v > max) {
            throw new IllegalArgumentException(key + (v < 1 ? " must be at least 1" : " must be at most " + max) + ", not " + text);
        }
        return (int) v;
    }

    private static long size(Map<String, String> p, String key, String fallback) {
        String text = p.getOrDefault(key, fallback);
        long v;
        try {
            v = Sizes.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage());
        }
        if (v < 1) {
            throw new IllegalArgumentException(key + " must be positive, not " + text);
        }
        return v;
    }

    /** A pause between steps: zero allowed, at most a minute. */
    private static Duration pause(Map<String, String> p, String key, String fallback) {
        Duration d = parse(key, p.getOrDefault(key, fallback));
        if (d.isNegative() || d.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException(key + " must be between 0s and 1m, not " + p.get(key));
        }
        return d;
    }

    private static String group(Map<String, String> p) {
        String g = p.getOrDefault("group", "main");
        if (!g.matches("[A-Za-z0-9_-]{1,32}")) {
            throw new IllegalArgumentException("group must be 1 to 32 letters, digits, '-' or '_', not '" + g + "'");
        }
        return g;
    }

    private static boolean bool(Map<String, String> p, String key, String fallback) {
        String text = p.getOrDefault(key, fallback);
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new IllegalArgumentException(key + " must be true or false, not '" + text + "'");
        };
    }

    private static String choice(Map<String, String> p, String key, String fallback, String... allowed) {
        String text = p.getOrDefault(key, fallback);
        for (String a : allowed) {
            if (a.equalsIgnoreCase(text)) {
                return a;
            }
        }
        throw new IllegalArgumentException(key + " must be one of " + String.join(", ", allowed) + ", not '" + text + "'");
    }
}
