package org.threadlab.ui;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.threadlab.model.Cell;
import org.threadlab.model.CellState;
import org.threadlab.model.CoreLane;
import org.threadlab.model.Lane;
import org.threadlab.model.Timeline;

/** Fabricated timelines: the GIL handed round four threads on two cores, every state in one lane, many lanes. */
final class TimelineFixtures {
    /** As the model writes it (TimelineBook.note): long enough to take two rows at 80 columns. */
    static final String NOTE = "20 ms slices · CPU to ±4 ms (kernel tick) · state read each slice · GIL exact";

    private TimelineFixtures() {}

    /**
     * Four threads under the simulated GIL, {@code slices} slices: thread i holds it for 5 slices in
     * turn (on core i % 2) while the others wait; core i%2's row shows the holder.
     */
    static Timeline gil(int slices) {
        List<List<Cell>> cells = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            cells.add(new ArrayList<>());
        }
        List<Integer> core0 = new ArrayList<>();
        List<Integer> core1 = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            int holder = (s / 5) % 4;
            for (int i = 0; i < 4; i++) {
                cells.get(i).add(i == holder ? new Cell(CellState.GIL_HELD, i % 2, 0.95) : new Cell(CellState.GIL_WAITING, i % 2, 0.0));
            }
            core0.add(holder % 2 == 0 ? holder : -1);
            core1.add(holder % 2 == 1 ? holder : -1);
        }
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            lanes.add(new Lane((char) ('A' + i), "#" + (i + 2) + " cpu-" + (i + 2), i + 2, 20710, 20801 + i, cells.get(i)));
        }
        return new Timeline(Duration.ofMillis(20), Duration.ofMillis(4), 1_000_000_000L, slices, lanes,
                List.of(new CoreLane(0, core0), new CoreLane(1, core1)), NOTE, null);
    }

    /** One lane per state in turn, 10 slices each, then running on cores 0, 1, 9, 10 (a), 35 (z), 36 and unknown. */
    static Timeline everyState() {
        List<Cell> cells = new ArrayList<>();
        for (CellState s : CellState.values()) {
            for (int k = 0; k < 3; k++) {
                cells.add(new Cell(s, s == CellState.RUNNING ? 3 : -1, 0.5));
            }
        }
        for (int core : new int[] {0, 1, 9, 10, 35, 36, -1}) {
            cells.add(new Cell(CellState.RUNNING, core, 1.0));
        }
        int n = cells.size();
        List<Integer> holders = new ArrayList<>();
        for (int s = 0; s < n; s++) {
            holders.add(cells.get(s).state() == CellState.RUNNING && cells.get(s).core() == 3 ? 0 : -1);
        }
        List<CoreLane> cores = new ArrayList<>();
        for (int c = 0; c < 40; c++) {
            cores.add(new CoreLane(c, c == 3 ? holders : java.util.Collections.nCopies(n, -1)));
        }
        return new Timeline(Duration.ofMillis(20), Duration.ofMillis(4), 1_000_000_000L, n,
                List.of(new Lane('A', "#7 mixed", 7, 20710, 20900, cells)), cores, NOTE, null);
    }

    /** {@code n} sleeping lanes on 2 cores: more than any pane holds. */
    static Timeline many(int n, int slices) {
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            List<Cell> cells = new ArrayList<>();
            for (int s = 0; s < slices; s++) {
                cells.add(new Cell(s % n == i ? CellState.RUNNING : CellState.SLEEPING, 0, 0.1));
            }
            lanes.add(new Lane((char) ('A' + i), "#" + (i + 1) + " sleep-" + (i + 1), i + 1, 20710, 21000 + i, cells));
        }
        List<Integer> core0 = new ArrayList<>();
        for (int s = 0; s < slices; s++) {
            core0.add(s % n);
        }
        return new Timeline(Duration.ofMillis(50), Duration.ofMillis(4), 1_000_000_000L, slices, lanes,
                List.of(new CoreLane(0, core0), new CoreLane(1, java.util.Collections.nCopies(slices, -1))), NOTE, null);
    }

    /**
     * The lab's workers ({@link Fixtures#lab}) over {@code slices} slices on its 4 cores: cpu-1 on core 1,
     * waiting for a core one slice in ten; counter-12 taking a lock in turns with its running; two
     * sleepers waking now and then; the process cpu-3 moving between cores 0 and 2; mem-4 ending early.
     */
    static Timeline lab(int slices) {
        String[] labels = {"#1 cpu-1", "#12 counter-12", "#942 sleep-942", "#943 sleep-943", "#3 cpu-3", "#4 mem-4"};
        int[] ids = {1, 12, 942, 943, 3, 4};
        long[] tids = {20743, 20801, 21688, 21689, 20764, 20805};
        List<List<Cell>> cells = new ArrayList<>();
        List<List<Integer>> holders = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            cells.add(new ArrayList<>());
        }
        for (int c = 0; c < 4; c++) {
            holders.add(new ArrayList<>());
        }
        for (int s = 0; s < slices; s++) {
            int[] on = {-1, -1, -1, -1};
            Cell cpu = s % 10 == 9 ? new Cell(CellState.RUNNABLE, 1, 0.2) : new Cell(CellState.RUNNING, 1, 0.9);
            cells.get(0).add(cpu);
            if (cpu.state() == CellState.RUNNING) {
                on[1] = 0;
            }
            Cell counter = s % 6 < 2 ? new Cell(CellState.LOCKED, 3, 0) : new Cell(CellState.RUNNING, 3, 0.5);
            cells.get(1).add(counter);
            if (counter.state() == CellState.RUNNING) {
                on[3] = 1;
            }
            for (int k = 2; k <= 3; k++) {
                boolean awake = s % 25 == (k == 2 ? 3 : 15);
                cells.get(k).add(awake ? new Cell(CellState.RUNNING, k, 0.1) : new Cell(CellState.SLEEPING, k, 0));
                if (awake) {
                    on[k] = k;
                }
            }
            int core = (s / 30) % 2 == 0 ? 0 : 2;
            cells.get(4).add(new Cell(CellState.RUNNING, core, 0.8));
            on[core] = on[core] < 0 ? 4 : on[core];
            cells.get(5).add(s < slices / 4 ? new Cell(CellState.RUNNING, 0, 0.9) : new Cell(CellState.ENDED, -1, Double.NaN));
            for (int c = 0; c < 4; c++) {
                holders.get(c).add(on[c]);
            }
        }
        List<Lane> lanes = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            long pid = i >= 4 ? (i == 4 ? Fixtures.LAB_CHILD : 20790) : Fixtures.LAB_SELF;
            lanes.add(new Lane((char) ('A' + i), labels[i], ids[i], pid, tids[i], cells.get(i)));
        }
        List<CoreLane> cores = new ArrayList<>();
        for (int c = 0; c < 4; c++) {
            cores.add(new CoreLane(c, holders.get(c)));
        }
        return new Timeline(Duration.ofMillis(20), Duration.ofMillis(4), 1_000_000_000L, slices, lanes, cores, NOTE, null);
    }

    /** A source showing one snapshot whose timeline the test sets, and which records what the screen asked of it. */
    static final class Source implements org.threadlab.model.SnapshotSource {
        final org.threadlab.model.Snapshot snapshot;
        volatile Timeline timeline = Timeline.EMPTY;
        final List<Boolean> shows = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<Duration> slices = new java.util.concurrent.CopyOnWriteArrayList<>();
        final List<java.util.function.Consumer<Timeline>> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();

        Source(org.threadlab.model.Snapshot snapshot) {
            this.snapshot = snapshot;
        }

        /** A new timeline, told to the listeners as the model hub does. */
        void send(Timeline t) {
            timeline = t;
            listeners.forEach(l -> l.accept(t));
        }

        @Override
        public org.threadlab.model.Snapshot latest() {
            return snapshot;
        }

        @Override
        public void onSnapshot(java.util.function.Consumer<org.threadlab.model.Snapshot> listener) {}

        @Override
        public Duration interval() {
            return Duration.ofSeconds(1);
        }

        @Override
        public void setInterval(Duration interval) {}

        @Override
        public Timeline timeline() {
            return timeline;
        }

        @Override
        public void onTimeline(java.util.function.Consumer<Timeline> listener) {
            listeners.add(listener);
        }

        @Override
        public void showTimeline(boolean on) {
            shows.add(on);
        }

        @Override
        public void setSlice(Duration slice) {
            slices.add(slice);
        }

        @Override
        public void close() {}
    }
}
