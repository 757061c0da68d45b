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
        c.text(0, 0, text(s, st), Theme.Role.HEADER, c.width - help.length() - 1);
    }

    static String text(Snapshot s, UiState st) {
        HostSample h = s.host();
        StringBuilder sb = new StringBuilder(" threadlab  ").append(h.hostName());
        sb.append("  up ").append(h.uptime() == null ? "-" : Durations.clock(h.uptime()));
        double[] load = h.load();
        sb.append("  load ");
        if (load.length == 0 || load[0] < 0) {
            sb.append('-');
        } else {
            for (int i = 0; i < load.length; i++) {
                sb.append(i == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", load[i]));
            }
        }
        SimulatedGil.State gil = s.gil();
        sb.append("  GIL ");
        if (gil == null || !gil.enabled()) {
            sb.append("off");
        } else {
            sb.append("ON ").append(gil.holder() == null ? "free" : gil.holder()).append(", ").append(gil.waiting()).append(" waiting");
        }
        sb.append("  every ").append(Durations.format(st.interval));
        int alive = 0;
        for (WorkerSample w : s.workers()) {
            if (w.info().state().alive()) {
                alive++;
            }
        }
        sb.append("  workers ").append(alive).append(" live/").append(s.workers().size());
        if (st.frozen != null) {
            sb.append("  ** FROZEN (space) **");
        }
        return sb.toString();
    }
}
