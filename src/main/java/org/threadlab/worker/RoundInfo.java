package org.threadlab.worker;

import java.time.Instant;

/**
 * A round as it was asked for: workers started together by one request (one {@code 4t}, one {@code p},
 * one lesson step). What the round then did is measured above this layer (the model's rounds).
 *
 * @param id          1, 2, 3... per supervisor; each of its workers carries it ({@link WorkerInfo#round()})
 * @param kind        what its workers run as
 * @param workload    the workload's name ("cpu")
 * @param params      its parameters as given, canonical ("units=0.5"), empty for none
 * @param asked       how many workers were asked for
 * @param started     how many did start (fewer when a limit refused the rest)
 * @param daemon      whether they were started as daemons
 * @param gil         whether the simulated GIL was on when the round began
 * @param requestedAt when the request came: the round's wall time runs from here, so a process's
 *                    start-up counts, as it does for whoever waits for the result
 */
public record RoundInfo(int id, WorkerKind kind, String workload, String params, int asked, int started, boolean daemon,
                        boolean gil, Instant requestedAt) {

    /**
     * What it shows as: "4 threads + GIL cpu units=0.5", "pool of 2 processes inputs=4", "2 processes
     * sleep duration=3s (daemon)". The same everywhere (the rounds pane, the events, the table printed
     * after quit, the report), so that a daemon round never loses the word that explains its end.
     */
    public String label() {
        String rest = isPool() ? poolParams() : workload + (params.isEmpty() ? "" : " " + params);
        return who() + (rest.isEmpty() ? "" : " " + rest) + (daemon ? " (daemon)" : "");
    }

    /**
     * Who does the work: "4 threads + GIL", "2 processes", and for the pool workload the pool itself,
     * "pool of 4 threads + GIL", "pool of 2 processes" (the one worker that runs it only hands out
     * inputs), "2 pools of 4 threads, each in a process".
     */
    public String who() {
        String gilMark = gilApplies() ? " + GIL" : "";
        if (!isPool()) {
            return org.threadlab.text.Words.count(started, kind.noun()) + gilMark;
        }
        String size = param("workers");
        String members = processPool() ? "process" : "thread";
        String pool = size == null ? (processPool() ? "pool of processes" : "pool of threads")
                : "pool of " + org.threadlab.text.Words.count(Integer.parseInt(size), members);
        String pools = started == 1 ? pool : started + " pools" + pool.substring("pool".length());
        String where = kind == WorkerKind.PROCESS ? (started == 1 ? " in a process" : ", each in a process") : "";
        return pools + gilMark + where;
    }

    /**
     * Whether the simulated GIL stood between the threads that did the work: threads of this JVM (or a
     * thread pool, in whichever process runs it) while it was on; never a process's own work or a
     * process pool's members, each of which has a GIL of its own.
     */
    public boolean gilApplies() {
        if (!gil) {
            return false;
        }
        return isPool() ? !processPool() : kind.inThisJvm();
    }

    private boolean isPool() {
        return "pool".equals(workload);
    }

    private boolean processPool() {
        return "process".equals(param("pool"));
    }

    /** A parameter's value as the params say it, null when they do not name it. */
    private String param(String name) {
        for (String p : params.trim().split(" +")) {
            if (p.startsWith(name + "=")) {
                return p.substring(name.length() + 1);
            }
        }
        return null;
    }

    /** The pool's parameters the pool's name does not already say (its kind and size). */
    private String poolParams() {
        StringBuilder out = new StringBuilder();
        for (String p : params.trim().split(" +")) {
            if (!p.isEmpty() && !p.startsWith("pool=") && !p.startsWith("workers=")) {
                out.append(out.length() == 0 ? "" : " ").append(p);
            }
        }
        return out.toString();
    }
}
