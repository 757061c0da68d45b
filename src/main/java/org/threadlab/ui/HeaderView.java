package org.threadlab.ui;

import java.time.Duration;
import java.util.List;
import org.threadlab.sample.HostSample;
import org.threadlab.model.Snapshot;
import org.threadlab.model.WorkerSample;
import org.threadlab.text.Decimals;
import org.threadlab.text.Durations;
import org.threadlab.work.SimulatedGil;

/** The top line: host, uptime, load, GIL, interval, worker counts, and where help is. */
final class HeaderView {
    private HeaderView() {}

    static void draw(Canvas c, Snapshot s, UiState st) {
        c.fill(0, 0, c.width, Theme.Role.HEADER);
        String help = "?:help ";
        c.text(c.width - help.length(), 0, help, Theme.Role.HEADER);
        c.text(0, 0, text(s, st, c.width - help.length() - 1), Theme.Role.HEADER, c.width - help.length() - 1);
    }

    /**
     * The header in at most {@code width} columns: when it is too long, whole items are left out,
     * least useful first (the 5 and 15 minute loads, the program's name, the interval, the host, then
     * the uptime and the load), so nothing is cut mid-word; FROZEN, the GIL and the worker counts always stay.
     */
    static String text(Snapshot s, UiState st, int width) {
        HostSample h = s.host();
        double[] load = h.load();
        String load1 = load.length == 0 || load[0] < 0 ? "-" : Decimals.fixed(load[0], 2);
        StringBuilder all = new StringBuilder(load1);
        for (int i = 1; i < load.length && load[0] >= 0; i++) {
            Decimals.appendFixed(all.append(' '), load[i], 2);
        }
        SimulatedGil.State gil = s.gil();
        String gilText;
        if (gil == null || !gil.enabled()) {
            gilText = "GIL off";
        } else if (!Double.isNaN(gil.heldShare())) {
            // over the interval, from the same books as the rows' gil column
            gilText = "GIL ON held " + Decimals.fixed(gil.heldShare() * 100, 0) + "% "
                    + Decimals.fixed(gil.waitingAverage(), 1) + " waiting";
        } else {
            gilText = "GIL ON " + (gil.holder() == null ? "(free)" : gil.holder()) + " +" + gil.waiting() + " waiting";
        }
        int alive = alive(s.workers());
        String[] items = {"threadlab", st.frozen != null ? "** FROZEN **" : null, h.hostName(),
                "up " + (h.uptime() == null ? "-" : Durations.uptime(h.uptime())), "load " + all, gilText,
                "workers " + alive + "/" + s.workers().size(),
                st.replay != null ? st.replay : "every " + Durations.format(st.interval)
                        + (st.source == null ? "" : " (" + st.source + ")")};
        // what goes first when there is no room: index into items (the full load becomes the 1-minute one)
        // a replay's position is never left out: it is what the replay keys change
        int[] dropOrder = st.replay != null ? new int[] {-1, 0, 2, 3, 4} : new int[] {-1, 0, 7, 2, 3, 4};
        String line = join(items);
        for (int i = 0; i < dropOrder.length && line.length() > width; i++) {
            if (dropOrder[i] < 0) {
                items[4] = "load " + load1;
            } else {
                items[dropOrder[i]] = null;
            }
            line = join(items);
        }
        return line;
    }

    /**
     * How many of the workers are alive. A method of its own, as every loop over the workers on the frame's
     * path: its back edges (one a worker a frame) would otherwise make C2 compile all of {@link #text}.
     */
    private static int alive(List<WorkerSample> workers) {
        int alive = 0;
        for (WorkerSample w : workers) {
            if (w.info().state().alive()) {
                alive++;
            }
        }
        return alive;
    }

    private static String join(String[] items) {
        StringBuilder sb = new StringBuilder();
        for (String item : items) {
            if (item != null) {
                sb.append(sb.length() == 0 ? " " : "  ").append(item);
            }
        }
        return sb.toString();
    }
}
