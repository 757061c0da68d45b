package org.threadlab.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/**
 * A C program with many sleeping threads and a few busy ones started last (so they are read last),
 * compiled with gcc for the test: independent of the JVM and of threadlab's code. It prints
 * "ready TID..." (the busy threads' TIDs) and exits when its stdin closes, or after SECONDS.
 *
 * <p>Arguments: {@code SLEEPERS BUSY DUTY_PERCENT [pin|-] [SECONDS]}; "pin" keeps the main thread on
 * core 0 and the busy threads on core 1 (so where the work runs is known).
 */
public final class ManyThreadsProgram implements AutoCloseable {
    private static final String SOURCE = """
            #define _GNU_SOURCE
            #include <pthread.h>
            #include <sched.h>
            #include <string.h>
            #include <stdio.h>
            #include <stdlib.h>
            #include <time.h>
            #include <unistd.h>
            #include <sys/syscall.h>

            static int duty; /* percent of a core each busy thread uses */
            static int pin;

            static void pin_to(int cpu) {
                cpu_set_t set;
                CPU_ZERO(&set);
                CPU_SET(cpu, &set);
                if (sched_setaffinity(0, sizeof set, &set) != 0) { perror("sched_setaffinity"); exit(5); }
            }
            static volatile pid_t tids[64];

            static long cpu_ns(void) {
                struct timespec t;
                clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
                return t.tv_sec * 1000000000L + t.tv_nsec;
            }

            static void *sleeper(void *arg) { for (;;) pause(); return arg; }

            /* 1 ms of CPU, then sleep so that the thread uses `duty` percent of a core */
            static void *busy(void *arg) {
                long i = (long) arg;
                if (pin) pin_to(1);
                tids[i] = (pid_t) syscall(SYS_gettid);
                struct timespec rest = {0, 1000000L * (100 - duty) / duty};
                volatile unsigned long x = 0;
                for (;;) {
                    long end = cpu_ns() + 1000000L;
                    while (cpu_ns() < end) x++;
                    nanosleep(&rest, NULL);
                }
                return arg;
            }

            int main(int argc, char **argv) {
                int sleepers = atoi(argv[1]), busies = atoi(argv[2]);
                duty = atoi(argv[3]);
                pin = argc > 4 && strcmp(argv[4], "pin") == 0;
                int seconds = argc > 5 ? atoi(argv[5]) : 0;
                if (pin) pin_to(0);
                pthread_attr_t small;
                pthread_attr_init(&small);
                pthread_attr_setstacksize(&small, 64 * 1024);
                pthread_t t;
                for (int i = 0; i < sleepers; i++) {
                    if (pthread_create(&t, &small, sleeper, NULL) != 0) { perror("pthread_create"); return 3; }
                }
                for (long i = 0; i < busies; i++) pthread_create(&t, &small, busy, (void *) i);
                for (int i = 0; i < busies; i++) while (tids[i] == 0) usleep(1000);
                printf("ready");
                for (int i = 0; i < busies; i++) printf(" %d", tids[i]);
                printf("\\n");
                fflush(stdout);
                if (seconds > 0) { sleep(seconds); return 0; }
                char b[64];
                while (read(0, b, sizeof b) > 0) {}
                return 0;
            }
            """;

    final Process process;
    final long[] busyTids;

    private ManyThreadsProgram(Process process, long[] busyTids) {
        this.process = process;
        this.busyTids = busyTids;
    }

    public static boolean gccAvailable() {
        try {
            Process p = new ProcessBuilder("gcc", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Compiles the program into {@code dir}; returns the executable. */
    public static Path compile(Path dir) throws Exception {
        Path src = dir.resolve("many_threads.c");
        Path bin = dir.resolve("many_threads");
        Files.writeString(src, SOURCE);
        Process cc = new ProcessBuilder("gcc", "-O1", "-pthread", "-o", bin.toString(), src.toString())
                .redirectErrorStream(true).start();
        String ccOut = new String(cc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!cc.waitFor(60, TimeUnit.SECONDS) || cc.exitValue() != 0) {
            throw new AssertionError("gcc failed: " + ccOut);
        }
        return bin;
    }

    static ManyThreadsProgram start(Path dir, int sleepers, int busy, int dutyPercent) throws Exception {
        Path bin = compile(dir);
        Process p = new ProcessBuilder(bin.toString(), Integer.toString(sleepers), Integer.toString(busy),
                Integer.toString(dutyPercent)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        String line = r.readLine();
        if (line == null || !line.startsWith("ready")) {
            p.destroyForcibly().waitFor();
            throw new AssertionError("the program did not start: " + line);
        }
        long[] tids = Arrays.stream(line.substring(5).trim().split(" ")).mapToLong(Long::parseLong).toArray();
        return new ManyThreadsProgram(p, tids);
    }

    long pid() {
        return process.pid();
    }

    @Override
    public void close() throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
