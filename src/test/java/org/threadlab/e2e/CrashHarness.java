package org.threadlab.e2e;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.threadlab.work.WorkloadSpec;
import org.threadlab.worker.Supervisor;
import org.threadlab.worker.WorkerInfo;
import org.threadlab.worker.WorkerKind;

/**
 * threadlab's supervisor in a JVM of its own, started as the jar is (default heap), for
 * {@link CrashContainedTest}: prints "ready", runs a workload as a thread on each line it reads
 * ("crash how=oom after=0s"), prints how it ended, and stays alive until its stdin closes, so the
 * test can watch its RSS after the crash.
 */
public final class CrashHarness {
    private CrashHarness() {}

    public static void main(String[] args) throws Exception {
        try (Supervisor s = new Supervisor()) {
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            System.out.println("ready");
            System.out.flush();
            String line;
            while ((line = in.readLine()) != null) {
                String[] words = line.trim().split(" ");
                WorkloadSpec spec = WorkloadSpec.of(words[0]);
                for (int i = 1; i < words.length; i++) {
                    int eq = words[i].indexOf('=');
                    spec = spec.with(words[i].substring(0, eq), words[i].substring(eq + 1));
                }
                WorkerInfo w = s.spawn(WorkerKind.THREAD, spec, false);
                WorkerInfo end = s.join(w.id(), Duration.ofMinutes(2)).worker();
                System.out.println("ended " + end.state().label() + ": " + end.reason());
                System.out.flush();
            }
        }
    }
}
