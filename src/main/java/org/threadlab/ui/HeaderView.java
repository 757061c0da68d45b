package org.threadlab.ui;

import java.util.Locale;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.Snapshot;
import org.threadlab.sample.WorkerSample;
import org.threadlab.text.Durations;
import org.threadlab.work.SimulatedGil;

/** The top line: host, uptime, load, GIL, interval, worker counts, and where help is. */
final class HeaderView {
    private HeaderView() {}

    static void draw(Canvas c, Snapshot s, UiState st) {
        c.fill(0, 0, c.width, Theme.Role.HEADER);
        String help = "?:help ";
        c.text(c.width - help.length(), 0, help, Theme.Role.HEADER);
        c.text(0, 0, text(s, st, c.width >= 120), Theme.Role.HEADER, c.width - help.length() - 1);
    }

    /** Most important first, since a narrow terminal cuts the end off; FROZEN must never be missed. */
    static String text(Snapshot s, UiState st, boolean wide) {
        HostSample h = s.host();
        StringBuilder sb = new StringBuilder(" threadlab  ");
        if (st.frozen != null) {
            sb.append("** FROZEN **  ");
        }
        sb.append(h.hostName());
        sb.append("  up ").append(h.uptime() == null ? "-" : Durations.clock(h.uptime()));
        double[] load = h.load();
        sb.append("  load ");
        if (load.length == 0 || load[0] < 0) {
            sb.append('-');
        } else {
            for (int i = 0; i < (wide ? load.length : 1); i++) {
                sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", load[i]));
            }
        }
        SimulatedGil.State gil = s.gil();
        sb.append("  GIL ");
        if (gil == null || !gil.enabled()) {
            sb.append("off");
        } else if (!Double.isNaN(gil.heldShare())) {
            // over the interval, from the same books as the rows' gil column
            sb.append(String.format(Locale.ROOT, "ON held %.0f%% %.1f waiting", gil.heldShare() * 100, gil.waitingAverage()));
        } else {
            sb.append("ON ").append(gil.holder() == null ? "(free)" : gil.holder()).append(" +").append(gil.waiting()).append(" waiting");
        }
        int alive = 0;
        for (WorkerSample w : s.workers()) {
            if (w.info().state().alive()) {
                alive++;
            }
        }
        sb.append("  workers ").append(alive).append('/').append(s.workers().size());
        sb.append("  every ").append(Durations.format(st.interval));
        return sb.toString();
    }
}
