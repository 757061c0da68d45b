package org.threadlab.worker.child;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.WorkloadSpec;

/**
 * Builds the command line of a child JVM: the same java as this JVM, the class path and archive
 * {@link ChildJvm} chose (threadlab's full class path, or a thin jar of its own classes), the worker
 * tag {@code -Dthreadlab.worker=<id>} that lets anyone find it, and {@link ChildMain} with the
 * workload. An argument list, never a shell string.
 */
public final class ChildCommand {
    /**
     * G1 (the JVM's own default on a server-class machine) and no perf-data file. Not the serial
     * collector, though it is lighter: on Java 17 only G1 maps the JDK's archived heap objects, so
     * with any other collector each child builds its module graph again (≈20-40 ms, -Xlog:startuptime
     * "Initialize module system"); with G1 a child starts ≈15-30 ms sooner (Java 17 and 25, measured
     * alternately), for 1 MB more resident memory and five more JVM threads. No -Xshare:auto: it is the
     * default, and Java 25 refuses it beside -XX:AOTCache.
     */
    public static final List<String> FIXED_FLAGS = List.of("-XX:+UseG1GC", "-XX:-UsePerfData");

    /** Settable (-Dthreadlab.java=...) so tests can show what happens when java is missing. */
    public static final String JAVA_PROPERTY = "threadlab.java";

    private ChildCommand() {}

    /** The java executable children are started with. */
    public static File javaExecutable() {
        String forced = System.getProperty(JAVA_PROPERTY);
        if (forced != null) {
            return new File(forced);
        }
        return new File(new File(System.getProperty("java.home"), "bin"), isWindows() ? "java.exe" : "java");
    }

    /** Null when children can be started, else the one-line reason why not. */
    public static String unavailableReason() {
        File java = javaExecutable();
        if (!java.isFile() || !java.canExecute()) {
            return "cannot start child processes: no java executable at " + java;
        }
        return null;
    }

    /**
     * @param tag       the worker id (or id.member for pool members), written into -Dthreadlab.worker
     * @param name      the name of the child's work thread
     * @param maxHeap   -Xmx in bytes, or 0 for the JVM's default
     * @param gil       whether the child's own simulated GIL starts switched on
     */
    public static List<String> build(String tag, String name, TypedSpec spec, long maxHeap, boolean gil,
                                     long gilIntervalNanos) {
        List<String> cmd = build(tag, name, spec.text(), maxHeap, gil, gilIntervalNanos);
        if (spec.type().ignoresStop(spec)) {
            // known before the child reads its spec: its SIGTERM hook is in place before the parent learns its PID
            cmd.add(1, "-D" + STUBBORN_PROPERTY + "=true");
        }
        // the descriptor itself: the child builds it directly rather than looking through every jar for the registry
        cmd.add(cmd.indexOf(ChildMain.class.getName()) + 1, TYPE_PREFIX + spec.type().getClass().getName());
        return cmd;
    }

    /** The one argument of a warm spare: it says {@code spare} and waits for its work on stdin. */
    public static final String SPARE_ARG = "--spare";

    /**
     * A warm spare's command: the JVM and flags {@link #build} gives a child with the JVM's defaults (no
     * -Xmx, not stubborn), so what is fixed at a JVM's start is the same as a cold child's; the workload
     * comes later, on its stdin ({@link Protocol#WORK}).
     */
    public static List<String> spare(String tag) {
        List<String> cmd = build(tag, "spare", WorkloadSpec.of("spare"), 0, false, 0);
        cmd.subList(cmd.indexOf(ChildMain.class.getName()) + 1, cmd.size()).clear();
        cmd.add(SPARE_ARG);
        return cmd;
    }

    /** Set for a workload that ignores stop requests: the child then ignores SIGTERM from its first moment. */
    static final String STUBBORN_PROPERTY = "threadlab.stubborn";

    /** Names the workload's descriptor class, before NAME: {@code --type=org.threadlab.work.SleepWork$Type}. */
    static final String TYPE_PREFIX = "--type=";

    /**
     * The command for a spec as text, its type found by name in the child (a spec read at the edge
     * goes through {@link #build(String, String, TypedSpec, long, boolean, long)}).
     */
    public static List<String> build(String tag, String name, WorkloadSpec spec, long maxHeap, boolean gil,
                                     long gilIntervalNanos) {
        ChildJvm.Setup jvm = ChildJvm.forThisJvm().setup();
        List<String> cmd = new ArrayList<>();
        cmd.add(javaExecutable().getPath());
        cmd.add("-Dthreadlab.worker=" + tag);
        cmd.addAll(FIXED_FLAGS);
        // a class-data archive made for this java, when threadlab runs from its jar (see ChildJvm)
        cmd.addAll(jvm.flags());
        if (maxHeap > 0) {
            cmd.add("-Xmx" + (maxHeap >> 20) + "m");
        }
        cmd.add("-cp");
        cmd.add(jvm.classPath());
        cmd.add(ChildMain.class.getName());
        cmd.add(name);
        cmd.add(spec.type());
        for (Map.Entry<String, String> e : spec.params().entrySet()) {
            cmd.add(e.getKey() + "=" + e.getValue());
        }
        if (gil) {
            cmd.add("--gil=" + gilIntervalNanos);
        }
        return cmd;
    }

    private static boolean isWindows() {
        return System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
    }
}
