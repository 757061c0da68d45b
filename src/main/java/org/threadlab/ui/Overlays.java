package org.threadlab.ui;

import java.util.List;

/** Boxes drawn over the screen: the help, the workload dialog, the quit question. */
final class Overlays {
    private static final int KEY_W = 9;
    private static final int WHAT_W = 28;

    private Overlays() {}

    static void draw(Canvas c, UiState st) {
        switch (st.overlay) {
            case HELP -> help(c);
            case WORKLOAD -> workload(c, st.dialog);
            case QUIT -> quit(c, st.quitRunning);
            case NONE -> { }
        }
    }

    private static void help(Canvas c) {
        List<KeyMap.Binding> keys = KeyMap.HELP;
        int entryW = KEY_W + 1 + WHAT_W;
        boolean oneColumn = c.height >= keys.size() + 5;
        int perColumn = oneColumn ? keys.size() : (keys.size() + 1) / 2;
        int w = Math.min(c.width, oneColumn ? entryW + 4 : 2 * entryW + 4);
        int h = perColumn + 4;
        int x = (c.width - w) / 2;
        int y = Math.max(0, (c.height - h) / 2);
        c.box(x, y, w, h, "Keys");
        for (int i = 0; i < keys.size(); i++) {
            int col = i / perColumn;
            int ex = x + 1 + (oneColumn ? 1 : col * (entryW + 2));
            int ey = y + 1 + i % perColumn;
            c.text(ex, ey, pad(keys.get(i).keys(), KEY_W), Theme.Role.KEY, KEY_W);
            c.text(ex + KEY_W + 1, ey, keys.get(i).what(), Theme.Role.DIALOG, WHAT_W);
        }
        c.text(x + 2, y + h - 2, "Any key closes this help.", Theme.Role.DIALOG, w - 4);
    }

    private static void workload(Canvas c, WorkloadDialog d) {
        WorkloadDialogView.draw(c, d);
    }

    private static void quit(Canvas c, int running) {
        int w = Math.min(c.width - 2, 74);
        int h = 6;
        int x = (c.width - w) / 2;
        int y = Math.max(0, (c.height - h) / 2);
        c.box(x, y, w, h, "Quit");
        c.text(x + 2, y + 1, running + " non-daemon worker" + (running == 1 ? " is" : "s are") + " still running.", Theme.Role.DIALOG, w - 4);
        c.text(x + 2, y + 2, "Daemon workers are killed either way, as when a Python main ends.", Theme.Role.DIALOG, w - 4);
        c.text(x + 2, y + 4, "w wait for them    k kill them    c or Esc cancel", Theme.Role.KEY, w - 4);
    }

    private static String pad(String s, int w) {
        return s + " ".repeat(Math.max(0, w - s.length()));
    }
}
