package org.threadlab.work;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The registry of workloads: every {@link WorkloadType} on the class path, in the order
 * {@code META-INF/services/org.threadlab.work.WorkloadType} lists them (docs/WORKLOADS.md). {@link #parse}
 * reads and checks a spec's text at the edge (an option, the dialog); what it returns is used as it is
 * from then on.
 */
public final class Workloads {
    private static final List<WorkloadType> ALL = load();
    private static final List<WorkloadType> LISTED = listed();
    /** The names users may choose, in the registry's order. */
    public static final List<String> TYPES = names();

    private Workloads() {}

    private static List<WorkloadType> load() {
        List<WorkloadType> all = new ArrayList<>();
        // a loop, not a stream: no lambdas in work/, which a child JVM loads (a child told its descriptor's class
        // by the parent never comes here: ServiceLoader's search of every jar would cost its start-up milliseconds)
        Iterator<WorkloadType> it = ServiceLoader.load(WorkloadType.class, Workloads.class.getClassLoader()).iterator();
        while (it.hasNext()) {
            WorkloadType t = it.next();
            for (WorkloadType other : all) {
                if (other.name().equals(t.name())) {
                    throw new IllegalStateException("two workloads are named " + t.name() + ": " + other.getClass().getName()
                            + " and " + t.getClass().getName());
                }
            }
            all.add(t);
        }
        return Collections.unmodifiableList(all);
    }

    private static List<WorkloadType> listed() {
        List<WorkloadType> out = new ArrayList<>();
        for (WorkloadType t : ALL) {
            if (t.listed()) {
                out.add(t);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static List<String> names() {
        List<String> out = new ArrayList<>();
        for (WorkloadType t : LISTED) {
            out.add(t.name());
        }
        return Collections.unmodifiableList(out);
    }

    /** The workloads users may choose, in order. */
    public static List<WorkloadType> types() {
        return LISTED;
    }

    /** A workload users may choose, by name; IllegalArgumentException naming the choices otherwise. */
    public static WorkloadType type(String name) {
        for (WorkloadType t : LISTED) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown workload '" + name + "' (choose from " + String.join(", ", TYPES) + ")");
    }

    /**
     * Reads and checks a spec a user gave: every parameter known, every value in range, defaults
     * (and, for CPU work, this machine's calibrated unit) filled in. Throws IllegalArgumentException
     * with a one-line message naming the bad parameter.
     */
    public static TypedSpec parse(WorkloadSpec spec) {
        return type(spec.type()).read(spec);
    }

    /**
     * Reads a spec threadlab wrote itself (a child's arguments, which may name a pool's member or a
     * queue's consumer): the same checks, any registered type.
     */
    public static TypedSpec parseAny(WorkloadSpec spec) {
        for (WorkloadType t : ALL) {
            if (t.name().equals(spec.type())) {
                return t.read(spec);
            }
        }
        throw new IllegalArgumentException("unknown workload '" + spec.type() + "'");
    }

    /** Builds a workload to run in threadlab's own JVM. */
    public static Workload create(TypedSpec spec, PoolMember.Launcher launcher) {
        return spec.type().create(spec, launcher, false);
    }

    /** Memory a workload will hold, so the caller can refuse what the machine cannot give. */
    public static long memoryNeeded(TypedSpec spec) {
        return spec.type().memoryNeeded(spec);
    }
}
