package org.threadlab.lab;

import java.time.Duration;
import java.util.List;
import org.threadlab.work.TypedSpec;
import org.threadlab.worker.JoinResult;
import org.threadlab.worker.SpawnRefused;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/**
 * {@code threadlab run}: start N workers of one kind, wait for them like a Python main that calls
 * {@code join()} on each (or, with {@code join=false}, return at once and let the exit rules act:
 * daemon workers are killed, the others are waited for), then report.
 */
public final class RunSession {
    /** @param interrupted the calling thread was interrupted (Ctrl-C): the workers were stopped, the summary is incomplete */
    public record Summary(List<WorkerInfo> workers, Duration wall, boolean timedOut, boolean interrupted) {
        public boolean anyFailed() {
            return workers.stream().anyMatch(w -> w.state() == org.threadlab.worker.WorkerState.FAILED);
        }
    }

    private final Supervisor supervisor;
    private final WorkerKind kind;
    private final TypedSpec spec;
    private final int count;
    private final boolean daemon;
    private final boolean join;
    private final Duration timeout;

    /** @param timeout how long to wait before terminating what is still running; null waits for ever */
    public RunSession(Supervisor supervisor, WorkerKind kind, TypedSpec spec, int count, boolean daemon,
                      boolean join, Duration timeout) {
        this.supervisor = supervisor;
        this.kind = kind;
        this.spec = spec;
        this.count = count;
        this.daemon = daemon;
        this.join = join;
        this.timeout = timeout;
    }

    /**
     * Runs the session. When the calling thread is interrupted (Ctrl-C) it stops every worker as
     * quitting without waiting does (daemon or not) and returns what there is, marked interrupted.
     */
    public Summary run() throws InterruptedException {
        long start = System.nanoTime();
        boolean timedOut = false;
        boolean interrupted = false;
        try {
            // one round: the model measures the N workers together (wall, CPU, cores busy, verdict)
            Supervisor.RoundStart started = supervisor.spawnRound(kind, spec, count, daemon);
            if (started.refused() != null) {
                throw new SpawnRefused(started.refused());
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException();
            }
            if (join) {
                for (JoinResult r : supervisor.joinAll(timeout)) {
                    timedOut |= r.timedOut();
                }
                if (timedOut) {
                    supervisor.terminateAll();
                }
            }
            supervisor.shutdown(false);
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (RuntimeException e) {
            if (!Thread.currentThread().isInterrupted()) {
                supervisor.shutdown(true);
                throw e;
            }
            interrupted = true;
        }
        if (interrupted) {
            // cleared, so that stopping the workers can wait for them to end
            Thread.interrupted();
            supervisor.shutdown(true);
        }
        return new Summary(supervisor.workers(), Duration.ofNanos(System.nanoTime() - start), timedOut, interrupted);
    }
}
