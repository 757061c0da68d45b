package org.threadlab.work;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.threadlab.text.Words;

/**
 * {@code Pool.map} for threadlab: maps f(x) = x*x over the inputs 0..N-1 with a pool of k workers,
 * a thread pool or a pool of child processes, and returns the results in input order. Each call
 * of f first does {@code cost} of work ({@code task=cpu}: CPU time, {@code task=sleep}: waiting),
 * so the pool's speed-up (or the GIL's lack of one) shows.
 *
 * <p>The process pool hands out one input at a time over each member's pipe ("task I X", answered
 * by "done I Y"), so a slow member never holds up the rest: the same dynamic dispatch as Python's
 * pool with chunksize 1.
 */
public final class PoolMap implements Workload {
    public static final Param<Integer> INPUTS = Param.count("inputs", "8", 1_000_000, "how many inputs to map");
    public static final Param<Integer> WORKERS = Param.count("workers", null, 256, "how many pool workers").option("--pool-size").shown("cores");
    public static final Param<String> POOL = Param.choice("pool", "a thread pool or a pool of child processes", "thread", "process");
    public static final Param<String> TASK = Param.choice("task", "what each input costs: CPU or waiting", "cpu", "sleep");
    public static final Param<Duration> COST = Param.duration("cost", "250ms", "work per input");

    private final int inputs;
    private final int size;
    private final boolean processes;
    private final TypedSpec task;
    private final Workload taskWork;
    private final PoolMember.Launcher launcher;

    public PoolMap(int inputs, int size, boolean processes, TypedSpec task, Workload taskWork,
                   PoolMember.Launcher launcher) {
        this.inputs = inputs;
        this.size = size;
        this.processes = processes;
        this.task = task;
        this.taskWork = taskWork;
        this.launcher = launcher;
    }

    /** The function the pool maps. */
    public static long apply(long x) {
        return x * x;
    }

    @Override
    public String run(WorkContext ctx) throws Exception {
        long[] results = new long[inputs];
        ctx.progress(0, inputs);
        if (processes) {
            mapWithProcesses(ctx, results);
        } else {
            mapWithThreads(ctx, results);
        }
        return "mapped x*x over " + Words.count(inputs, "input") + " with " + used() + ": " + summary(results);
    }

    /** The workers that really ran: one per input at most, so a pool bigger than its inputs says so. */
    private String used() {
        int n = Math.min(size, inputs);
        String ran = Words.count(n, processes ? "process" : "thread");
        return n == size ? ran : ran + " (a pool of " + size + ", at most one per input)";
    }

    private void mapWithThreads(WorkContext ctx, long[] results) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        Throwable[] failure = new Throwable[1];
        List<Thread> pool = new ArrayList<>();
        for (int i = 0; i < Math.min(size, inputs); i++) {
            Thread t = new Thread(new PoolThread(ctx, next, done, results, failure), memberName(ctx.workerName(), i + 1));
            t.setDaemon(true);
            pool.add(t);
            t.start();
        }
        try {
            for (Thread t : pool) {
                t.join();
            }
        } catch (InterruptedException e) {
            for (Thread t : pool) {
                t.interrupt();
            }
            throw e;
        }
        ctx.checkCancelled();
        if (failure[0] != null) {
            throw new IllegalStateException("a pool thread failed: " + failure[0], failure[0]);
        }
    }

    /** A pool thread: takes the next input until none are left. Shares the worker's cancellation and GIL. */
    private final class PoolThread implements Runnable {
        private final WorkContext parent;
        private final AtomicInteger next;
        private final AtomicInteger done;
        private final long[] results;
        private final Throwable[] failure;

        PoolThread(WorkContext parent, AtomicInteger next, AtomicInteger done, long[] results, Throwable[] failure) {
            this.parent = parent;
            this.next = next;
            this.done = done;
            this.results = results;
            this.failure = failure;
        }

        @Override
        public void run() {
            // a context that cannot make one for another thread (a test's) still gets a silent one, without a GIL
            WorkContext own = parent instanceof PoolAware aware ? aware.forPoolThread()
                    : new GilContext.PoolThread(parent, NO_GIL);
            try {
                int i;
                while ((i = next.getAndIncrement()) < inputs) {
                    taskWork.run(own);
                    results[i] = apply(i);
                    parent.progress(done.incrementAndGet(), inputs);
                }
            } catch (InterruptedException e) {
                // cancelled: the coordinator notices
            } catch (Throwable e) {
                synchronized (failure) {
                    failure[0] = e;
                }
            } finally {
                if (parent instanceof PoolAware aware) {
                    aware.poolThreadEnded();
                }
            }
        }
    }

    private void mapWithProcesses(WorkContext ctx, long[] results) throws Exception {
        int members = Math.min(size, inputs);
        List<PoolMember> pool = new ArrayList<>();
        BlockingQueue<String> answers = new ArrayBlockingQueue<>(inputs + 2 * members);
        List<Thread> readers = new ArrayList<>();
        try {
            for (int m = 0; m < members; m++) {
                PoolMember member = launcher.start(memberName(ctx.workerName(), m + 1), task);
                pool.add(member);
                Thread reader = new Thread(new MemberReader(member, m, answers), ctx.workerName() + "-pool-reader-" + (m + 1));
                reader.setDaemon(true);
                readers.add(reader);
                reader.start();
            }
            int sent = 0;
            for (int m = 0; m < members; m++) {
                pool.get(m).send("task " + sent + " " + sent);
                sent++;
            }
            int done = 0;
            while (done < inputs) {
                ctx.checkCancelled();
                String answer = answers.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
                if (answer == null) {
                    continue;
                }
                // "M done I Y" or "M gone"
                String[] f = answer.split(" ");
                int m = Integer.parseInt(f[0]);
                if (f[1].equals("gone")) {
                    throw new IllegalStateException("pool process " + (m + 1) + " (pid " + pool.get(m).pid() + ") exited early");
                }
                if (f[1].equals("error")) {
                    throw new IllegalStateException("pool process " + (m + 1) + " failed: " + answer.substring(answer.indexOf("error") + 6));
                }
                results[Integer.parseInt(f[2])] = Long.parseLong(f[3]);
                done++;
                ctx.progress(done, inputs);
                if (sent < inputs) {
                    pool.get(m).send("task " + sent + " " + sent);
                    sent++;
                }
            }
        } finally {
            for (PoolMember member : pool) {
                member.close();
            }
        }
    }

    /** Forwards a member's answers to the coordinator, tagged with the member's index. */
    private static final class MemberReader implements Runnable {
        private final PoolMember member;
        private final int index;
        private final BlockingQueue<String> answers;

        MemberReader(PoolMember member, int index, BlockingQueue<String> answers) {
            this.member = member;
            this.index = index;
            this.answers = answers;
        }

        @Override
        public void run() {
            try {
                String line;
                while ((line = member.readLine()) != null) {
                    if (line.startsWith("done ") || line.startsWith("error ")) {
                        answers.put(index + " " + line);
                    }
                }
            } catch (IOException | InterruptedException ignored) {
                // the member is gone either way
            }
            answers.offer(index + " gone");
        }
    }

    private String summary(long[] results) {
        if (results.length <= 8) {
            return Arrays.toString(results);
        }
        return "[" + results[0] + ", " + results[1] + ", " + results[2] + ", ..., " + results[results.length - 1] + "]";
    }

    /** A context for the task inside the pool: progress belongs to the pool, not to each call. */
    /** The GIL of a pool thread whose worker has none: always off. */
    private static final SimulatedGil NO_GIL = new SimulatedGil(false);

    /** A context that can make one for another thread (each pool thread needs its own GIL holder). */
    public interface PoolAware {
        WorkContext forPoolThread();

        /**
         * Called on each pool thread as it ends: the worker counts that thread's CPU as its own, since
         * the pool's threads, not the coordinating one, do the work.
         */
        default void poolThreadEnded() {
        }
    }

    /**
     * A member process's name: its pool's and its number, {@code pool-12.3}, so that a name cut to
     * fit a narrow column still tells pool-12's third member from pool-16's.
     */
    static String memberName(String pool, int number) {
        return pool + "." + number;
    }

    /** The {@code pool} workload's descriptor. */
    public static final class Type extends WorkloadType {
        @Override public String name() { return "pool"; }
        @Override public String summary() { return "maps x*x over inputs with a pool"; }

        @Override
        public String shows() {
            return "`Pool.map(x*x)` with a thread pool or a pool of child processes (inputs handed out one at a time over pipes);"
                    + " each pool process is a row of its own, under the pool";
        }

        @Override public List<Param<?>> params() { return List.of(INPUTS, WORKERS, POOL, TASK, COST, CpuBurn.UNIT); }

        @Override
        protected Object computedDefault(Param<?> param, java.util.Map<String, Object> values) {
            if (param == WORKERS) {
                return Runtime.getRuntime().availableProcessors();
            }
            if (param == CpuBurn.UNIT) {
                return "cpu".equals(values.get(TASK.name())) ? CpuCalibration.iterationsPerUnit() : null;
            }
            return super.computedDefault(param, values);
        }

        @Override
        public String startedProcesses(int n) {
            return "a pool of " + n + (n == 1 ? " process" : " processes");
        }

        @Override
        public int processesStarted(TypedSpec spec, boolean asProcess) {
            return "process".equals(spec.get(POOL)) ? Math.min(spec.get(WORKERS), spec.get(INPUTS)) : 0;
        }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            TypedSpec task = MemberType.of(spec);
            return new PoolMap(spec.get(INPUTS), spec.get(WORKERS), "process".equals(spec.get(POOL)), task,
                    MemberType.work(task), launcher);
        }
    }

    /** One member process of a process pool, serving "task" lines: not offered to users. */
    public static final class MemberType extends WorkloadType {
        private static final MemberType INSTANCE = new MemberType();

        @Override public String name() { return "pool-member"; }
        @Override public String summary() { return "a member process of a pool"; }
        @Override public boolean listed() { return false; }
        @Override public List<Param<?>> params() { return List.of(TASK, COST, CpuBurn.UNIT); }
        @Override public boolean servesTasks() { return true; }

        /** The per-input work of a pool, as the spec a member process is started with. */
        static TypedSpec of(TypedSpec pool) {
            java.util.Map<String, Object> v = new java.util.LinkedHashMap<>();
            v.put(TASK.name(), pool.get(TASK));
            v.put(COST.name(), pool.get(COST));
            if (pool.has(CpuBurn.UNIT)) {
                v.put(CpuBurn.UNIT.name(), pool.get(CpuBurn.UNIT));
            }
            return new TypedSpec(INSTANCE, v);
        }

        static Workload work(TypedSpec task) {
            Duration cost = task.get(COST);
            if ("sleep".equals(task.get(TASK))) {
                return new SleepWork(cost);
            }
            return new CpuBurn(cost.toNanos() / 1e9, task.get(CpuBurn.UNIT), false);
        }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            return work(spec);
        }
    }
}
