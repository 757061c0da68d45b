package org.threadlab.ui;

import java.util.List;
import org.threadlab.sample.CoreSample;
import org.threadlab.sample.HostSample;
import org.threadlab.sample.ProcessSample;
import org.threadlab.model.Snapshot;
import org.threadlab.text.Sizes;

/** One meter per core (with a sparkline when there is room), memory, swap, and threadlab itself. */
final class MetersView {
    private MetersView() {}

    static void draw(Canvas c, Layout l, Snapshot s) {
        drawCores(c, l, s.host().cores());
        drawMemory(c, l, s);
    }

    private static void drawCores(Canvas c, Layout l, List<CoreSample> cores) {
        int cols = l.coreCols();
        int cellW = (c.width - (cols - 1)) / cols;
        int slots = cols * l.coreRows();
        int labelDigits = Integer.toString(Math.max(0, cores.size() - 1)).length();
        for (int i = 0; i < cores.size() && i < slots; i++) {
            int x = (i % cols) * (cellW + 1);
            int y = 1 + i / cols;
            if (i == slots - 1 && cores.size() > slots) {
                c.text(x, y, "+" + (cores.size() - i) + " more cores", Theme.Role.DIM, cellW);
                break;
            }
            drawCore(c, x, y, cellW, cores.get(i), labelDigits);
        }
    }

    private static void drawCore(Canvas c, int x, int y, int w, CoreSample core, int digits) {
        String label = (w >= 16 ? "cpu" : "") + pad(Integer.toString(core.id()), digits) + " ";
        double u = core.utilisation();
        String pct = Double.isNaN(u) ? "n/a" : Math.round(u * 100) + "%";
        int used = c.text(x, y, label, Theme.Role.NORMAL, w);
        int rest = w - used;
        if (rest < 8) {
            c.text(x + used, y, pct, Theme.level(u), rest);
            return;
        }
        int spark = w >= 34 ? Math.min(20, w / 4) : 0;
        int inner = rest - 2 - (spark > 0 ? spark + 1 : 0);
        meter(c, x + used, y, inner, u, pct);
        if (spark > 0) {
            c.text(x + used + inner + 3, y, Cells.sparkline(core.history(), spark, 1.0, c.theme), Theme.Role.SPARK, spark);
        }
    }

    /** "[||||    72%]": brackets plain, the bars in the level's colour. */
    static void meter(Canvas c, int x, int y, int inner, double fraction, String label) {
        c.text(x, y, "[", Theme.Role.NORMAL, 1);
        c.text(x + 1, y, Cells.meter(fraction, inner, label, c.theme), Theme.level(fraction), inner);
        c.text(x + 1 + inner, y, "]", Theme.Role.NORMAL, 1);
    }

    /** Narrowest useful memory meter: label, brackets and "3.1G/22G" with a few bars. */
    private static final int MIN_METER = 20;

    /**
     * Memory, swap when the machine has any (no swap, no meter), then threadlab itself. The text about
     * threadlab is measured first and the meters share what is left, so it is never cut where it fits.
     */
    private static void drawMemory(Canvas c, Layout l, Snapshot s) {
        HostSample h = s.host();
        int y = l.memY();
        String self = self(s);
        // swap total 0 means the machine has none; negative means it could not be read (shown as n/a)
        boolean swap = h.swapTotalBytes() != 0 && c.width >= 120;
        int meters = swap ? 2 : 1;
        int cap = swap ? c.width / 3 - 1 : c.width / 2 - 1;
        int w = Math.max(MIN_METER, Math.min(cap, (c.width - self.length() - 2 * meters) / meters));
        memMeter(c, 0, y, w, "mem ", h.memoryUsedBytes(), h.memoryTotalBytes());
        int x = w + 2;
        if (swap) {
            memMeter(c, x, y, w, "swp ", h.swapUsedBytes(), h.swapTotalBytes());
            x += w + 2;
        }
        c.text(x, y, c.fit(self, c.width - x), Theme.Role.NORMAL, c.width - x);
    }

    private static void memMeter(Canvas c, int x, int y, int w, String label, long used, long total) {
        c.text(x, y, label, Theme.Role.NORMAL);
        boolean known = used >= 0 && total > 0;
        double f = known ? (double) used / total : Double.NaN;
        String text = known ? Sizes.compact(used) + "/" + Sizes.compact(total) : "n/a";
        meter(c, x + label.length(), y, w - label.length() - 2, f, text);
    }

    static String self(Snapshot s) {
        ProcessSample p = s.process(s.selfPid()).orElse(null);
        StringBuilder sb = new StringBuilder("threadlab pid ").append(s.selfPid());
        sb.append("  rss ").append(p == null ? "n/a" : Cells.bytes(p.rssBytes()));
        sb.append("  threads ").append(p == null || p.threadCount() < 0 ? "n/a" : Integer.toString(p.threadCount()));
        sb.append("  cpu ").append(p == null ? "n/a" : Cells.percentSign(p.cpuPercent()));
        return sb.toString();
    }

    private static String pad(String s, int w) {
        return " ".repeat(Math.max(0, w - s.length())) + s;
    }
}
