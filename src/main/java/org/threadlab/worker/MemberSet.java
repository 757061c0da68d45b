package org.threadlab.worker;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.child.ChildPoolMember;

/**
 * The processes one worker starts (its pool's members, its queue's consumer), as the supervisor
 * sees them: each becomes a {@link MemberWorker} the moment it starts, and ends as it is reported.
 * Fed by {@link ChildPoolMember} when the owner is a thread here, by the owner's pipe when it is a
 * process.
 */
final class MemberSet implements ChildPoolMember.Observer {
    /** How a member joins the supervisor's workers. */
    interface Registry {
        MemberWorker add(Worker owner, String name, WorkloadSpec spec, long pid, Process process);
    }

    /** How long a member of an owner that has ended gets to exit (its stdin closes with its owner). */
    static final long EXIT_MILLIS = 2000;
    /** How long after its exit a member's own report (with its result) may still be on its way. */
    static final long REPORT_MILLIS = 300;

    private final Registry registry;
    private final Map<Long, MemberWorker> byPid = new ConcurrentHashMap<>();
    private volatile Worker owner;

    MemberSet(Registry registry) {
        this.registry = registry;
    }

    /** The owner is created after its workload (which holds this set's launcher): bound once it exists. */
    void bind(Worker w) {
        owner = w;
    }

    @Override
    public void started(String name, WorkloadSpec spec, long pid, Process process) {
        Worker o = owner;
        if (o != null) {
            byPid.put(pid, registry.add(o, name, spec, pid, process));
        }
    }

    @Override
    public void hello(long pid, long tid) {
        MemberWorker m = byPid.get(pid);
        if (m != null) {
            m.hello(tid);
        }
    }

    @Override
    public void ended(long pid, int code, String result, String error, long cpuNanos) {
        MemberWorker m = byPid.get(pid);
        if (m != null) {
            m.cpu(cpuNanos);
            m.finish(code, code == 0 ? result : error);
        }
    }

    /** The owner ended: members that have not reported their end in a moment end with it. */
    void ownerEnded() {
        for (MemberWorker m : byPid.values()) {
            if (!m.state.ended()) {
                m.exited().completeOnTimeout(null, EXIT_MILLIS, TimeUnit.MILLISECONDS)
                        .thenRunAsync(m::ownerGone, CompletableFuture.delayedExecutor(REPORT_MILLIS, TimeUnit.MILLISECONDS));
            }
        }
    }
}
