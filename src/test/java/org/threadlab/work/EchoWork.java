package org.threadlab.work;

import java.time.Duration;
import java.util.List;

/**
 * A workload added the way docs/WORKLOADS.md says, to prove that one file (and its line in the
 * services list) is all a new workload takes: it appears in run's options and help, the dialog and
 * completion, and runs as a thread or a process.
 */
public final class EchoWork implements Workload {
    public static final Param<String> TEXT = Param.name("text", "hello", "the word to say back");
    public static final Param<Duration> PAUSE = Param.pause("pause", "10ms", "how long to think first");

    private final String text;
    private final Duration pause;

    public EchoWork(String text, Duration pause) {
        this.text = text;
        this.pause = pause;
    }

    @Override
    public String run(WorkContext ctx) throws InterruptedException {
        ctx.sleep(pause);
        ctx.progress(1, 1);
        return "echo " + text;
    }

    /** The {@code echo} workload's descriptor. */
    public static final class Type extends WorkloadType {
        @Override public String name() { return "echo"; }
        @Override public String summary() { return "says a word back"; }
        @Override public List<Param<?>> params() { return List.of(TEXT, PAUSE); }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            return new EchoWork(spec.get(TEXT), spec.get(PAUSE));
        }
    }
}
