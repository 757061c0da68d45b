package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The screen under attack: killed by a signal while workers run (the terminal is restored and the
 * children are gone within 2 s), and shrunk below 80x24 while running (it says so, and recovers).
 */
class UiSignalsTest {
    @BeforeAll
    static void needsTmuxAndLinux() {
        Assumptions.assumeTrue(Jar.isLinux() && Tmux.available(), "needs tmux and /proc");
    }

    private static String start() {
        String javaBin = java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return javaBin + " -jar " + Jar.JAR + " --interval 200ms; echo EXITED $?; stty -a; sleep 60";
    }

    private static long threadlabPid(Tmux t) throws Exception {
        return ProcessHandle.of(t.panePid()).orElseThrow().children()
                .filter(p -> Jar.cmdline(p.pid()).contains("threadlab.jar")).findFirst().orElseThrow().pid();
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "HUP", "KILL"})
    void aSignalRestoresTheTerminalAndLeavesNoChild(String signal) throws Exception {
        try (Tmux t = Tmux.start(120, 40, start())) {
            t.await(x -> x.contains("no threads yet"), 20_000);
            t.type("2p");
            t.type("d");
            t.type("p");
            long pid = threadlabPid(t);
            assertEquals("1", t.format("#{mouse_any_flag}"), "the mouse is captured while the screen shows");
            List<Long> kids = Jar.awaitWorkers(pid, 3);
            assertEquals(3, kids.size(), "two workers and one daemon started");
            Jar.signal(pid, signal);
            String s = t.await(x -> x.contains("EXITED") && x.contains("icanon")  /* stty has printed too */, 15_000);
            assertTrue(s.contains("EXITED"), s);
            assertTrue(Jar.millisUntilGone(kids, 2000) >= 0, "children " + kids + " outlived SIG" + signal);
            if (!signal.equals("KILL")) {
                // a process can restore what it can handle; SIGKILL it cannot, and the shell's 'reset' is the user's
                assertEquals("0", t.format("#{alternate_on}"), "main screen after SIG" + signal);
                assertEquals("1", t.format("#{cursor_flag}"), "cursor visible after SIG" + signal);
                assertEquals("0", t.format("#{mouse_any_flag}"), "mouse released after SIG" + signal);
                // 1005 (UTF-8 positions, which Lanterna adds with a UTF-8 charset) must go too, or a later program's clicks read wrong
                assertEquals("0", t.format("#{mouse_utf8_flag}"), "mouse positions back to the default after SIG" + signal);
                assertTrue(s.contains(" icanon") && !s.contains("-icanon") && !s.contains("-echo "), s);
            }
        }
    }

    @Test
    void shrinkingBelowTheMinimumSaysSoAndRecovers() throws Exception {
        try (Tmux t = Tmux.start(120, 40, start())) {
            t.await(x -> x.contains("no threads yet"), 20_000);
            t.resize(60, 20);
            String small = t.await(x -> x.contains("80x24"), 10_000);
            assertTrue(small.contains("80x24"), small);
            t.resize(100, 30);
            String back = t.await(x -> x.contains("no threads yet"), 10_000);
            assertTrue(back.contains("?:help"), back);
            t.type("q");
            String s = t.await(x -> x.contains("EXITED"), 15_000);
            assertTrue(s.contains("EXITED 0"), s);
        }
    }
}
