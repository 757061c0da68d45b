package org.threadlab.model;

import org.threadlab.sample.HostSample;
import org.threadlab.sample.ProcessSample;
import org.threadlab.sample.ProcessTable;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.threadlab.work.SimulatedGil;
import org.threadlab.worker.Event;

/**
 * Everything the screen shows, at one moment, immutable: the sampler builds one per tick and the
 * renderer draws it. Nothing in here is read again from the system after it is published.
 *
 * @param seq       1, 2, 3... per sampler
 * @param interval  the sampling interval in force when this was taken
 * @param selfPid   threadlab's own PID
 * @param processes threadlab itself first, then child workers, then attached/external PIDs
 * @param workers   every worker the supervisor knows, with its live numbers joined in
 * @param gil       the simulated GIL's state in threadlab's JVM
 * @param events    the newest supervisor events, oldest first
 * @param rounds    the session's rounds, oldest first (running ones included)
 * @param table     every process on the machine while the all-processes view is open; null otherwise
 *                  (and in a replay, which records none)
 */
public record Snapshot(long seq, Instant takenAt, Duration interval, long selfPid, HostSample host,
                       List<ProcessSample> processes, List<WorkerSample> workers, SimulatedGil.State gil,
                       List<Event> events, List<Round> rounds, ProcessTable table) {

    public Snapshot {
        processes = List.copyOf(processes);
        workers = List.copyOf(workers);
        events = List.copyOf(events);
        rounds = List.copyOf(rounds);
    }

    /** Without the table of every process. */
    public Snapshot(long seq, Instant takenAt, Duration interval, long selfPid, HostSample host,
                    List<ProcessSample> processes, List<WorkerSample> workers, SimulatedGil.State gil, List<Event> events,
                    List<Round> rounds) {
        this(seq, takenAt, interval, selfPid, host, processes, workers, gil, events, rounds, null);
    }

    /** The same with this table of every process (a test's, a frame bench's). */
    public Snapshot withTable(ProcessTable t) {
        return new Snapshot(seq, takenAt, interval, selfPid, host, processes, workers, gil, events, rounds, t);
    }

    /** With no rounds. */
    public Snapshot(long seq, Instant takenAt, Duration interval, long selfPid, HostSample host,
                    List<ProcessSample> processes, List<WorkerSample> workers, SimulatedGil.State gil, List<Event> events) {
        this(seq, takenAt, interval, selfPid, host, processes, workers, gil, events, List.of());
    }

    public Optional<Round> round(int id) {
        for (Round r : rounds) {
            if (r.id() == id) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    public Optional<ProcessSample> process(long pid) {
        for (ProcessSample p : processes) {
            if (p.pid() == pid) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    public Optional<WorkerSample> worker(int id) {
        for (WorkerSample w : workers) {
            if (w.info().id() == id) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }
}
