package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.threadlab.work.WorkloadSpec;

class WorkloadDialogTest {
    @Test
    void execIsPrefilledWithAnExampleAndTakesACommandWithSpaces() {
        WorkloadDialog d = new WorkloadDialog();
        d.open(WorkloadSpec.of("sleep"));
        d.cycleType(-1); // sleep is first: back around to the last type, exec
        assertEquals("exec", d.typeName());
        assertEquals("cmd=python3 demos/busy_threads.py 30", d.params);
        d.set("cmd=/bin/sleep 5");
        WorkloadSpec spec = d.apply().written();
        assertNull(d.error);
        assertEquals("/bin/sleep 5", spec.params().get("cmd"));
    }

    @Test
    void aWordBeforeAnyNameIsStillAnError() {
        WorkloadDialog d = new WorkloadDialog();
        d.open(WorkloadSpec.of("sleep"));
        d.set("2s duration=3s");
        assertNull(d.apply());
        assertTrue(d.error.contains("name=value"), d.error);
        d.set("cmd=no-such-program-x");
        d.cycleType(-1);
        d.set("cmd=no-such-program-x");
        assertNull(d.apply());
        assertTrue(d.error.contains("no program 'no-such-program-x'"), d.error);
    }

    @Test
    void internalParametersAreNotTheUsersToSet() {
        // counter's _file would have a process map and write whatever file was named; cpu's _unit fake the calibration
        WorkloadDialog d = new WorkloadDialog();
        d.open(WorkloadSpec.of("counter"));
        d.set("increments=10 _file=/tmp/not-a-counter");
        assertNull(d.apply());
        assertEquals("workload counter takes no parameter '_file' (it takes group, increments, memory, mode)", d.error);
        d.open(WorkloadSpec.of("cpu"));
        d.set("units=1 _unit=1");
        assertNull(d.apply());
        assertTrue(d.error.contains("takes no parameter '_unit'"), d.error);
        d.set("units=1");
        assertTrue(d.apply() != null, d.error);
    }

    @Test
    void aParameterGivenTwiceIsAnError() {
        WorkloadDialog d = new WorkloadDialog();
        d.open(WorkloadSpec.of("cpu"));
        d.set("units=1 stubborn=false units=2");
        assertNull(d.apply());
        assertEquals("units is given twice", d.error);
    }

    @Test
    void opensWithTheDefaultsTheWorkloadReallyHas() {
        WorkloadDialog d = new WorkloadDialog();
        d.open(new UiState(java.time.Duration.ofSeconds(1)).workload.written());
        assertEquals("cpu", d.typeName());
        assertEquals("units=1 stubborn=false", d.params, "the help says units default 1: the line says so too");
        assertEquals(d.params.length(), d.cursor, "the cursor starts at the end, as in a shell");
        d.open(WorkloadSpec.of("sleep").with("duration", "10s"));
        assertEquals("duration=10s", d.params, "the workload in use, as it is");
        d.cycleType(1);
        d.cycleType(-1);
        assertEquals("duration=10s", d.params, "coming back to its type brings its values back");
    }

    @Test
    void editsAnywhereInTheLine() {
        WorkloadDialog d = new WorkloadDialog();
        d.open(WorkloadSpec.of("sleep"));
        d.set("duration=2s");
        d.left();
        d.left();
        d.type('5');
        assertEquals("duration=52s", d.params);
        assertEquals(10, d.cursor);
        d.backspace();
        d.type('1');
        assertEquals("duration=12s", d.params);
        d.home();
        d.delete();
        assertEquals("uration=12s", d.params);
        d.type('d');
        d.end();
        d.type('x');
        assertEquals("duration=12sx", d.params);
        for (int i = 0; i < 30; i++) {
            d.right(); // never past the end
        }
        assertEquals(d.params.length(), d.cursor);
        d.left();
        d.left();
        d.left();
        d.deleteToStart();
        assertEquals("2sx", d.params, "Ctrl-U deletes what is before the cursor");
        assertEquals(0, d.cursor);
        d.right();
        d.deleteToEnd();
        assertEquals("2", d.params, "Ctrl-K deletes what is after it");
    }

    @Test
    void ctrlWDeletesTheParameterBeforeTheCursor() {
        WorkloadDialog d = new WorkloadDialog();
        d.open(WorkloadSpec.of("crash"));
        d.set("after=1s how=throw  ");
        d.deleteWordBefore();
        assertEquals("after=1s ", d.params);
        d.deleteWordBefore();
        assertEquals("", d.params);
        d.deleteWordBefore();
        assertEquals("", d.params, "nothing left: nothing happens");
    }

    @Test
    void helpIsWrappedAtWordsNotCut() {
        for (int width : new int[] {74, 40, 20}) {
            java.util.List<String> lines = WorkloadDialogView.wrap(org.threadlab.work.Workloads.type("pool").description(), width);
            assertEquals(org.threadlab.work.Workloads.type("pool").description(), String.join(" ", lines));
            assertTrue(lines.stream().allMatch(l -> l.length() <= width), lines.toString());
        }
    }

    @Test
    void theParameterUnderTheCursorIsHelpedFromItsDescriptor() throws Exception {
        WorkloadDialog d = new WorkloadDialog();
        d.open(WorkloadSpec.of("pool"));
        d.set("inputs=8 workers=2 pool=process");
        assertEquals("pool", d.paramAtCursor().name(), "the cursor at the end is in pool=...");
        d.home();
        assertEquals("inputs", d.paramAtCursor().name());
        for (int i = 0; i < "inputs=8 w".length(); i++) {
            d.right();
        }
        assertEquals("workers", d.paramAtCursor().name());
        d.cycleType(5); // pool, counter, global, queue, crash, exec
        assertEquals("exec", d.typeName());
        d.end();
        assertEquals("cmd", d.paramAtCursor().name(), "a word without '=' belongs to the value before it");
        d.set("");
        assertEquals(null, d.paramAtCursor());

        com.googlecode.lanterna.terminal.virtual.DefaultVirtualTerminal t = Fixtures.terminal(100, 30);
        com.googlecode.lanterna.screen.TerminalScreen screen = Fixtures.screen(t);
        d.open(WorkloadSpec.of("counter"));
        WorkloadDialogView.draw(new Canvas(screen.newTextGraphics(), new Theme(false, true)), d);
        screen.refresh();
        String text = Fixtures.text(t);
        // the cursor ends the line, in group=main: its help, range and default come from CounterWork's descriptor
        assertTrue(text.contains("params: mode=unsafe increments=1000000 memory=plain group=main"), text);
        assertTrue(text.contains("group: which shared counter or list (1 to 32 letters, digits, - or _, default main)"), text);
        assertTrue(text.contains("increments a shared counter (mode unsafe|lock|atomic;"), text);
        // a flag's help says its default too, as every other parameter's does
        d.open(WorkloadSpec.of("cpu"));
        WorkloadDialogView.draw(new Canvas(screen.newTextGraphics(), new Theme(false, true)), d);
        screen.refresh();
        text = Fixtures.text(t);
        assertTrue(text.replaceAll("\\s*│\\s*\\n\\s*│\\s*", " ")
                .contains("stubborn: ignore stop requests (and, in a process, SIGTERM) (true or false, default false)"), text);
    }
}
