package org.threadlab.lesson;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.threadlab.model.Round;
import org.threadlab.model.SnapshotSource;
import org.threadlab.text.Durations;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.work.Workloads;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/**
 * Runs a lesson against the supervisor, step by step, on a thread of its own fed by the teacher's
 * commands (Space/n, b, r, a), and publishes a new {@link LessonView} at every change. A presenter
 * with one clicker needs Space only: it starts a step's actions after the class has predicted,
 * goes on from a {@code wait: key}, skips a wait, reveals the answer, then goes to the next step.
 * What the rounds measured comes from the model ({@code Snapshot.round}), never from the lesson.
 */
public final class LessonRunner implements AutoCloseable {
    /** How often a wait looks again at the clock, the model and the workers. */
    private static final long POLL_MILLIS = 20;
    /** How long a redo waits for the step's workers to stop before it runs the step again. */
    private static final long REDO_STOP_MILLIS = 8000;

    /** The machine the lesson adapts to, and how it tells time: the real ones, or a test's. */
    public record Options(int cores, String path, LongSupplier nanoTime) {
        /** This machine: the cores found, the PATH python3 is looked up on, the system clock. */
        public static Options system() {
            String path = System.getenv("PATH");
            return new Options(Runtime.getRuntime().availableProcessors(), path == null ? "" : path, System::nanoTime);
        }

        public Options withCores(int cores) {
            return new Options(cores, path, nanoTime);
        }

        public Options withPath(String path) {
            return new Options(cores, path, nanoTime);
        }

        public Options withClock(LongSupplier nanoTime) {
            return new Options(cores, path, nanoTime);
        }
    }

    /** What the teacher can ask of the lesson. */
    private enum Command { NEXT, BACK, REDO, ANSWER, STOP }

    /** What the teacher did while a step's actions ran and that ends them early (b, r, quitting). */
    private static final class Abort extends Exception {
        final Command command;

        Abort(Command command) {
            super(null, null, false, false);
            this.command = command;
        }
    }

    /** One step's own record: kept when the teacher goes back, so the step shows what it did. */
    private static final class StepState {
        boolean entered;
        boolean revealed;
        final List<Integer> rounds = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
    }

    private final Lesson lesson;
    private final Supervisor supervisor;
    private final SnapshotSource source;
    private final Options options;
    private final BlockingQueue<Command> inbox = new LinkedBlockingQueue<>();
    private final List<Consumer<LessonView>> listeners = new CopyOnWriteArrayList<>();
    private final StepState[] states;
    private final Thread thread;
    private volatile LessonView view;
    /** Set by stop(), from any thread: the step's remaining actions are not done. */
    private volatile boolean closing;
    // owned by the runner's thread
    private int index;
    private LessonView.Phase phase = LessonView.Phase.ASKING;
    private String waitingFor;
    private Action.View show;
    private long showSeq;
    private boolean stopped;

    public LessonRunner(Lesson lesson, Supervisor supervisor, SnapshotSource source, Options options) {
        if (lesson.steps().isEmpty()) {
            throw new IllegalArgumentException(lesson.source() + ": a lesson needs at least one step");
        }
        this.lesson = lesson;
        this.supervisor = supervisor;
        this.source = source;
        this.options = options;
        this.states = new StepState[lesson.steps().size()];
        for (int i = 0; i < states.length; i++) {
            states[i] = new StepState();
        }
        this.view = makeView();
        this.thread = new Thread(this::loop, "threadlab-lesson");
        thread.setDaemon(true);
    }

    public Lesson lesson() {
        return lesson;
    }

    /** Called on the runner's thread with every new view, in order; the listener must not wait long. */
    public LessonRunner onChange(Consumer<LessonView> listener) {
        listeners.add(listener);
        return this;
    }

    /** The latest view: where the lesson is now. */
    public LessonView view() {
        return view;
    }

    /** Enters the first step (once: a runner already started is left as it is). */
    public synchronized LessonRunner start() {
        if (thread.getState() == Thread.State.NEW) {
            thread.start();
        }
        return this;
    }

    /** Space or n: run the step's actions, go on from a wait, reveal the answer, or go to the next step. */
    public void next() {
        inbox.add(Command.NEXT);
    }

    /** b: back to the previous step, shown as it was left (not run again). */
    public void back() {
        inbox.add(Command.BACK);
    }

    /** r: the step again, its still-running workers stopped first. */
    public void redo() {
        inbox.add(Command.REDO);
    }

    /** a: reveal the step's answer now. */
    public void answer() {
        inbox.add(Command.ANSWER);
    }

    /**
     * Stops the runner without waiting: a wait in progress is left and nothing more is started; the
     * workers stay, for the supervisor to end.
     */
    public void stop() {
        closing = true;
        inbox.add(Command.STOP);
        thread.interrupt();
    }

    /** Stops the runner and waits (briefly) for its thread to end. */
    @Override
    public void close() {
        stop();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loop() {
        try {
            enter(0);
            while (!stopped) {
                handle(inbox.take());
            }
        } catch (InterruptedException e) {
            // closed
        }
    }

    private void handle(Command c) throws InterruptedException {
        switch (c) {
            case NEXT -> next(phase);
            case BACK -> back(phase);
            case REDO -> redoStep();
            case ANSWER -> reveal();
            case STOP -> stopped = true;
        }
    }

    private Step step() {
        return lesson.steps().get(index);
    }

    private StepState state() {
        return states[index];
    }

    private void next(LessonView.Phase now) throws InterruptedException {
        if (now == LessonView.Phase.ASKING) {
            run();
        } else if (now == LessonView.Phase.DONE) {
            if (step().ask() != null && !state().revealed) {
                reveal();
            } else if (index + 1 < states.length) {
                enter(index + 1);
            } else {
                phase = LessonView.Phase.FINISHED;
                publish();
            }
        }
        // FINISHED: nothing after the last step; RUNNING and WAITING_KEY take Space inside their waits
    }

    private void back(LessonView.Phase now) {
        if (index == 0 && now != LessonView.Phase.FINISHED) {
            return;
        }
        // from the end, back is the step before the last one, as from any step on show
        index = Math.max(0, index - 1);
        phase = LessonView.Phase.DONE;
        waitingFor = null;
        publish();
    }

    /** A step seen before shows as it was left (Space goes on, r runs it again); a new one asks or runs. */
    private void enter(int i) throws InterruptedException {
        index = i;
        waitingFor = null;
        if (state().entered) {
            phase = LessonView.Phase.DONE;
            publish();
            return;
        }
        state().entered = true;
        if (step().ask() != null) {
            phase = LessonView.Phase.ASKING;
            publish();
        } else {
            run();
        }
    }

    private void reveal() {
        if (step().ask() != null && !state().revealed) {
            state().revealed = true;
            publish();
        }
    }

    private void redoStep() throws InterruptedException {
        stopWorkers(state().rounds);
        state().rounds.clear();
        state().notes.clear();
        state().entered = true;
        run();
    }

    /** Terminates the live workers of these rounds and waits (bounded) for them to end. */
    private void stopWorkers(List<Integer> rounds) throws InterruptedException {
        List<CompletableFuture<WorkerInfo>> pending = new ArrayList<>();
        for (WorkerInfo w : supervisor.workers()) {
            if (w.state().alive() && !w.isMember() && rounds.contains(w.round())) {
                pending.add(supervisor.terminate(w.id()));
            }
        }
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REDO_STOP_MILLIS);
        for (CompletableFuture<WorkerInfo> f : pending) {
            try {
                f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                // the supervisor reports a worker that will not stop; the step runs again anyway
            }
        }
    }

    /** Runs the step's actions in order; b, r or quitting during a wait ends them early. */
    private void run() throws InterruptedException {
        phase = LessonView.Phase.RUNNING;
        waitingFor = null;
        publish();
        Command after = null;
        try {
            for (Action a : step().actions()) {
                act(a);
            }
        } catch (Abort abort) {
            after = abort.command;
        }
        phase = LessonView.Phase.DONE;
        waitingFor = null;
        publish();
        if (after != null) {
            handle(after);
        }
    }

    private void act(Action a) throws Abort, InterruptedException {
        if (closing) {
            throw new Abort(Command.STOP);
        }
        if (a instanceof Action.Start s) {
            start(s);
        } else if (a instanceof Action.Python p) {
            python(p);
        } else if (a instanceof Action.Gil g) {
            supervisor.setGil(g.on());
        } else if (a instanceof Action.Wait w) {
            await(w);
        } else if (a instanceof Action.Join j) {
            join(j);
        } else if (a instanceof Action.Terminate t) {
            stop(t.target(), false);
        } else if (a instanceof Action.Kill k) {
            stop(k.target(), true);
        } else if (a instanceof Action.Clear) {
            supervisor.clearEnded();
        } else if (a instanceof Action.Show s) {
            show = s.view();
            showSeq++;
            publish();
        } else if (a instanceof Action.Baseline b) {
            Integer r = latestRound();
            if (r == null) {
                note("baseline (line " + b.line() + "): no round started in this step yet");
            } else {
                supervisor.setBaseline(r);
            }
        }
    }

    private void start(Action.Start s) {
        int count = s.count().resolve(options.cores());
        try {
            record(supervisor.spawnRound(s.kind(), s.spec(), count, s.daemon()), "start (line " + s.line() + ")");
        } catch (RuntimeException e) {
            note("start (line " + s.line() + ") refused: " + e.getMessage());
        }
    }

    private void record(Supervisor.RoundStart rs, String what) {
        if (rs.workers().isEmpty()) {
            note(what + " refused: " + rs.refused());
            return;
        }
        state().rounds.add(rs.round().id());
        if (rs.refused() != null) {
            note(what + ": " + rs.workers().size() + " of " + rs.round().asked() + " started: " + rs.refused());
        }
        publish();
    }

    private void python(Action.Python p) {
        if (!onPath("python3")) {
            note("python3 is not on the PATH: " + p.program() + " skipped");
            return;
        }
        StringBuilder cmd = new StringBuilder("python3 ").append(p.program().contains("/") ? "" : "demos/").append(p.program());
        for (String arg : p.args()) {
            cmd.append(' ').append(arg);
        }
        try {
            record(supervisor.spawnRound(WorkerKind.PROCESS, Workloads.parse(WorkloadSpec.of("exec").with("cmd", cmd.toString())),
                    1, false), "python (line " + p.line() + ")");
        } catch (RuntimeException e) {
            note("python (line " + p.line() + ") refused: " + e.getMessage());
        }
    }

    private boolean onPath(String program) {
        for (String dir : options.path().split(File.pathSeparator)) {
            File f = new File(dir.isEmpty() ? "." : dir, program);
            if (!dir.isEmpty() && f.isFile() && f.canExecute()) {
                return true;
            }
        }
        return false;
    }

    private void await(Action.Wait w) throws Abort, InterruptedException {
        switch (w.until()) {
            case KEY -> {
                phase = LessonView.Phase.WAITING_KEY;
                waitingFor = "a key";
                publish();
                while (poll(Long.MAX_VALUE) == null) {
                    // only the teacher goes on
                }
                phase = LessonView.Phase.RUNNING;
                waitingFor = null;
                publish();
            }
            case TIME -> {
                long end = options.nanoTime().getAsLong() + w.time().toNanos();
                waiting(Durations.format(w.time()));
                while (options.nanoTime().getAsLong() < end) {
                    if (poll(POLL_MILLIS) != null) {
                        break;
                    }
                }
                waiting(null);
            }
            case ROUND -> {
                Integer r = latestRound();
                if (r == null) {
                    // after a skipped python: or a refused start there is nothing to wait for, and a note said why
                    if (state().notes.isEmpty()) {
                        note("wait: round (line " + w.line() + "): no round started in this step");
                    }
                    return;
                }
                waiting("round #" + r + " to end");
                while (!ended(r)) {
                    if (poll(POLL_MILLIS) != null) {
                        break;
                    }
                }
                waiting(null);
            }
        }
    }

    private void waiting(String what) {
        waitingFor = what;
        publish();
    }

    /**
     * Waits up to {@code millis} for the teacher: Space or n is returned (it ends the wait), a reveal
     * is done on the spot, b, r and quitting end the step's actions. Null when nothing came.
     */
    private Command poll(long millis) throws Abort, InterruptedException {
        Command c = millis == Long.MAX_VALUE ? inbox.take() : inbox.poll(millis, TimeUnit.MILLISECONDS);
        if (c == null) {
            return null;
        }
        switch (c) {
            case NEXT -> {
                return c;
            }
            case ANSWER -> {
                reveal();
                return null;
            }
            default -> throw new Abort(c);
        }
    }

    /**
     * Whether a round has ended: as the model says once it has the round (so its figures are final);
     * before that, as its workers' states say (a model without rounds, or one a tick behind the spawn).
     */
    boolean ended(int round) {
        Optional<Round> measured = source.latest() == null ? Optional.empty() : source.latest().round(round);
        if (measured.isPresent()) {
            return !measured.get().running();
        }
        return supervisor.workers().stream().noneMatch(w -> w.round() == round && w.state().alive());
    }

    private void join(Action.Join j) throws Abort, InterruptedException {
        List<Integer> ids = targets(j.target());
        if (ids == null) {
            note("join: round (line " + j.line() + "): no round started in this step");
            return;
        }
        waiting(j.target() == Action.Target.ALL ? "every worker to be joined" : "round #" + latestRound() + " to be joined");
        // joined one after the other, as a program joins its threads; on a thread of its own so Space can skip it
        Thread joiner = new Thread(() -> {
            try {
                for (int id : ids) {
                    supervisor.join(id, null);
                }
            } catch (InterruptedException | IllegalArgumentException e) {
                // skipped, or a worker cleared meanwhile
            }
        }, "threadlab-lesson-join");
        joiner.setDaemon(true);
        joiner.start();
        try {
            while (joiner.isAlive()) {
                if (poll(POLL_MILLIS) != null) {
                    break;
                }
            }
        } finally {
            joiner.interrupt();
        }
        waiting(null);
    }

    private void stop(Action.Target target, boolean kill) {
        List<Integer> ids = targets(target);
        if (ids == null) {
            note((kill ? "kill" : "terminate") + ": round: no round started in this step");
            return;
        }
        for (int id : ids) {
            try {
                if (kill) {
                    supervisor.kill(id);
                } else {
                    supervisor.terminate(id);
                }
            } catch (IllegalArgumentException e) {
                // cleared meanwhile: nothing to stop
            }
        }
    }

    /** The live workers a join, terminate or kill acts on; null for a round when the step started none. */
    private List<Integer> targets(Action.Target target) {
        Integer round = latestRound();
        if (target == Action.Target.ROUND && round == null) {
            return null;
        }
        List<Integer> ids = new ArrayList<>();
        for (WorkerInfo w : supervisor.workers()) {
            if (!w.isMember() && w.state().alive() && (target == Action.Target.ALL || w.round() == round)) {
                ids.add(w.id());
            }
        }
        return ids;
    }

    private Integer latestRound() {
        List<Integer> rounds = state().rounds;
        return rounds.isEmpty() ? null : rounds.get(rounds.size() - 1);
    }

    private void note(String text) {
        state().notes.add(text);
        publish();
    }

    private void publish() {
        LessonView v = makeView();
        view = v;
        for (Consumer<LessonView> l : listeners) {
            l.accept(v);
        }
    }

    private LessonView makeView() {
        Step s = lesson.steps().get(index);
        StepState st = states[index];
        return new LessonView(lesson.title(), index + 1, states.length, s.title(), s.say(),
                s.ask() == null ? null : s.ask().text(), s.ask() != null && st.revealed ? s.ask().answer() : null,
                phase, waitingFor, st.notes, st.rounds, show, showSeq);
    }
}
