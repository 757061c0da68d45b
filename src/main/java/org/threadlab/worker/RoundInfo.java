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

    /** What it shows as: "4 threads + GIL cpu units=0.5". */
    public String label() {
        return org.threadlab.text.Words.count(started, kind.noun()) + (gil && kind.inThisJvm() ? " + GIL" : "")
                + " " + workload + (params.isEmpty() ? "" : " " + params);
    }
}
