package org.threadlab.worker;

import java.io.IOException;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.child.Protocol;

/**
 * A process another worker started (a member of its process pool, its queue's consumer): a worker
 * of its own, shown under its owner, counted against the limits, stopped and reaped like any other.
 * It may be threadlab's own child (its owner is a thread here) or its owner's child (its owner is a
 * process): then its exit code comes over the owner's pipe, and it is signalled by PID.
 */
final class MemberWorker extends Worker {
    /** The member as this JVM's child, or null when it is a child of its owner process. */
    private final Process process;
    private final ProcessHandle handle;
    final String ownerName;
    private final SignalsSent signals = new SignalsSent();

    MemberWorker(int id, String name, WorkloadSpec spec, boolean daemon, Listener listener, Worker owner, long pid,
                 Process process) {
        super(id, name, WorkerKind.PROCESS, spec, daemon, listener, owner.id);
        this.ownerName = owner.name;
        this.process = process;
        this.pid = pid;
        this.handle = process != null ? process.toHandle() : ProcessHandle.of(pid).orElse(null);
    }

    @Override
    void start() {
        // started by its owner already: this only records it
        markStarted();
    }

    /** A member has no pipe of ours to say "stop" on (its owner holds it): a stop request is SIGTERM. */
    @Override
    void cancel() {
        terminate(false);
    }

    @Override
    void terminate(boolean forcibly) {
        cancelRequested = true;
        if (handle == null) {
            return;
        }
        signals.send(handle, forcibly);
    }

    @Override
    boolean isAlive() {
        return handle != null && handle.isAlive();
    }

    @Override
    void closeInput() {
        if (process != null) {
            try {
                process.getOutputStream().close();
            } catch (IOException ignored) {
                // gone already
            }
        }
    }

    /** Completes when the member's process has exited (at once when it is gone or unknown). */
    java.util.concurrent.CompletableFuture<?> exited() {
        return handle == null ? java.util.concurrent.CompletableFuture.completedFuture(null) : handle.onExit();
    }

    void cpu(long nanos) {
        cpuNanos = nanos;
    }

    void hello(long nativeTid) {
        tid = nativeTid;
    }

    /** How it ended: its exit code (known to its parent) and the result or error line it sent, if any. */
    void finish(int code, String text) {
        exitCode = code;
        if (code == Protocol.EXIT_OK) {
            result = text;
            markEnded(WorkerState.FINISHED, null);
        } else if (code > 128) {
            markEnded(WorkerState.TERMINATED, signals.reason(code, false));
        } else if (code == Protocol.EXIT_STOPPED) {
            markEnded(WorkerState.TERMINATED, "stopped by " + ownerName);
        } else if (code == Protocol.EXIT_PARENT_GONE) {
            markEnded(WorkerState.TERMINATED, "its input pipe closed");
        } else {
            markEnded(WorkerState.FAILED, text != null ? text : "exit code " + code);
        }
    }

    /**
     * Its owner has ended and its end was not reported (an owner process that exited before it could
     * say): it ends too, its stdin closed by the owner's exit. Its exit code is known only to this
     * JVM when it is our child; one still alive now is killed.
     */
    void ownerGone() {
        if (state.ended()) {
            return;
        }
        if (isAlive()) {
            terminate(true);
        }
        if (process != null) {
            try {
                if (process.waitFor(2, java.util.concurrent.TimeUnit.SECONDS)) {
                    finish(process.exitValue(), null);
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        markEnded(WorkerState.TERMINATED, signals.killSent() ? "outlived " + ownerName + ": terminated by SIGKILL" : "ended with " + ownerName);
    }
}
