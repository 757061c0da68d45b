package org.threadlab.work;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one kind of workload is, in one place beside its code: its name, a line of description,
 * its typed parameters, where it may run, what it needs (heap, processes) and how to build it. Every
 * list of workloads (run's options, the {@code w} dialog, help, completion, the README's table, the
 * child's start) reads these; {@link Workloads} finds them with {@link java.util.ServiceLoader}.
 *
 * <p>Subclasses are small classes, not lambdas: a child JVM loads them while starting.
 */
public abstract class WorkloadType {

    /** The name users type: {@code cpu}. */
    public abstract String name();

    /** What it does, in a few words: "burns CPU". */
    public abstract String summary();

    /** One line for help texts and the dialog: the summary and every parameter with its default. */
    public String description() {
        StringBuilder sb = new StringBuilder();
        for (Param<?> p : params()) {
            if (!p.internal()) {
                sb.append(sb.length() == 0 ? "" : "; ").append(p.name()).append(' ')
                        .append(p.kind() == Param.Kind.CHOICE ? p.range() : p.shown() != null ? p.shown() : "required");
            }
        }
        return sb.length() == 0 ? summary() : summary() + " (" + sb + ")";
    }

    /** What it shows, for the README's table (a few sentences at most). */
    public String shows() {
        return description();
    }

    /** Its parameters, in the order help lists them; internal ones (name starting with '_') last. */
    public abstract List<Param<?>> params();

    /** Builds the workload from a checked spec (in this JVM or a child; never calibrates or looks anything up). */
    public abstract Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess);

    /** False for the parts other workloads start (a pool's member, a queue's consumer): not offered to users. */
    public boolean listed() {
        return true;
    }

    /** Parameters to start from when one is required (exec's cmd); "" for the others. */
    public String example() {
        return "";
    }

    /** Where it may run, for help and the README. */
    public String runsAs() {
        return "thread, virtual, process";
    }

    /** Why this spec may run only as a process (null: anywhere); callers add how to start one (--as process, p). */
    public String onlyAsProcess(TypedSpec spec) {
        return null;
    }

    /** Bytes of memory it holds, so a spawn can refuse what the heap or the machine cannot give. */
    public long memoryNeeded(TypedSpec spec) {
        return 0;
    }

    /** True when it means to run out of memory: a child gets a small heap, a thread's heap is shrunk after. */
    public boolean exhaustsMemory(TypedSpec spec) {
        return false;
    }

    /** Processes it starts itself (a process pool's members, a queue's consumer), counted against the limit. */
    public int processesStarted(TypedSpec spec, boolean asProcess) {
        return 0;
    }

    /** The processes it starts, in words, for a refusal over the limit: "a pool of 4 processes". */
    public String startedProcesses(int n) {
        return n + (n == 1 ? " process" : " processes") + " of its own";
    }

    /**
     * True when a process worker of this type runs another program under a watchdog (exec): it is
     * announced with the program's PID, which is what is shown and signalled.
     */
    public boolean runsProgram() {
        return false;
    }

    /** True when it ignores requests to stop: in a child, SIGTERM too (only SIGKILL ends it). */
    public boolean ignoresStop(TypedSpec spec) {
        return false;
    }

    /** True for a pool's member: in its child it serves "task" lines rather than running once. */
    public boolean servesTasks() {
        return false;
    }

    /** The shared-state round it takes part in (counter, global), or null: what the parent checks when the round ends. */
    public SharedRound sharedRound(TypedSpec spec) {
        return null;
    }

    /**
     * The value of a parameter that has no default written (null: it stays absent): computed when
     * the spec is checked (the pool's workers: this machine's cores; the CPU unit). By default an
     * internal one or one whose help shows what its absence means (memory's hold: "until stopped")
     * stays absent, and any other is required.
     */
    protected Object computedDefault(Param<?> param, Map<String, Object> values) {
        if (param.internal() || param.shown() != null) {
            return null;
        }
        throw new IllegalArgumentException(param.name() + " is required" + (example().isEmpty() ? "" : " (e.g. " + example() + ")"));
    }

    /**
     * Reads and checks a spec of this type: every parameter known, every value in range, defaults
     * filled in. Throws IllegalArgumentException with a one-line message naming the bad parameter.
     */
    public final TypedSpec read(WorkloadSpec spec) {
        WorkloadType type = this;
        for (String key : spec.params().keySet()) {
            if (type.param(key) == null) {
                throw type.noParameter(key);
            }
        }
        Map<String, Object> values = new LinkedHashMap<>();
        for (Param<?> p : type.params()) {
            String text = spec.params().get(p.name());
            if (text != null) {
                values.put(p.name(), p.parse(text));
            } else if (p.fallback() != null) {
                values.put(p.name(), p.parse(p.fallback()));
            } else {
                // no default written: computed here (the pool's workers, a CPU unit), absent (memory's hold) or required
                Object v = type.computedDefault(p, values);
                if (v != null) {
                    values.put(p.name(), v);
                }
            }
        }
        return new TypedSpec(type, values);
    }

    /**
     * Reads a spec a user typed (the {@code w} dialog's line): as {@link #read}, but an internal
     * parameter is refused like an unknown one. They are threadlab's to set: {@code _file=} would
     * have a process map and write any file the user names, {@code _unit=} fake the calibration.
     */
    public final TypedSpec readTyped(WorkloadSpec spec) {
        for (String key : spec.params().keySet()) {
            Param<?> p = param(key);
            if (p == null || p.internal()) {
                throw noParameter(key);
            }
        }
        return read(spec);
    }

    private IllegalArgumentException noParameter(String key) {
        List<String> takes = new ArrayList<>();
        for (Param<?> p : params()) {
            if (!p.internal()) {
                takes.add(p.name());
            }
        }
        Collections.sort(takes);
        return new IllegalArgumentException("workload " + name() + " takes no parameter '" + key
                + "' (it takes " + String.join(", ", takes) + ")");
    }

    /** The parameter of this name, or null. */
    public Param<?> param(String name) {
        for (Param<?> p : params()) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    @Override
    public String toString() {
        return name();
    }

    /**
     * A round of a shared-state lesson: the workers of one lesson and group that run together and
     * what each adds when it finishes.
     *
     * @param lesson      "counter" or "global"
     * @param group       which counter or list
     * @param sharedFile  processes share it through a memory-mapped file (else each has its own copy)
     * @param mode        how the counter is updated (null for a list)
     * @param each        what one finished worker adds: increments or items
     */
    public record SharedRound(String lesson, String group, boolean sharedFile, String mode, long each) {
        public boolean counter() {
            return lesson.equals("counter");
        }
    }
}
