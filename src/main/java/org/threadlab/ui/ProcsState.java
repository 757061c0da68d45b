package org.threadlab.ui;

import java.util.List;
import org.threadlab.sample.ProcessTable;

/**
 * What the all-processes view ({@code a}) is showing and where its cursor is: part of the UI state,
 * owned by the UI thread. The selection is a PID, so it follows its process across ticks as the rows
 * move; {@link #selectedPid} is what {@code Enter} watches.
 */
final class ProcsState {
    /** What is being typed at the status line: nothing, the filter ({@code /}) or the search (F3). */
    enum Typing { NONE, FILTER, SEARCH }

    boolean open;
    /** The selected process (-1: none yet, the first row). */
    long selectedPid = -1;
    /** The selected row's place, kept for when its process ends: the selection stays there. */
    int selectedIndex;
    /** The first row on show. */
    int top;
    /** htop's default order: the busiest first. */
    ProcColumn sort = ProcColumn.CPU;
    boolean reversed;
    boolean tree;
    String filter = "";
    String search = "";
    Typing typing = Typing.NONE;
    /** The rows for the table on show and these settings, made once (every frame draws them). */
    private ProcessTable memoTable;
    private String memoKey;
    private List<ProcRows.Line> memoLines;

    /** The rows of {@code table} for the settings now. */
    List<ProcRows.Line> lines(ProcessTable table, long selfPid, boolean ascii) {
        String key = sort + "," + reversed + "," + tree + "," + filter + "," + ascii + "," + selfPid;
        if (table != memoTable || !key.equals(memoKey)) {
            memoLines = ProcRows.of(table, selfPid, sort, reversed, tree, filter, ascii);
            memoTable = table;
            memoKey = key;
        }
        return memoLines;
    }

    /** The index of the selected row among {@code lines}: its PID's, else where it was (its process ended). */
    int selected(List<ProcRows.Line> lines) {
        if (lines.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).row().pid() == selectedPid) {
                return i;
            }
        }
        return Math.max(0, Math.min(lines.size() - 1, selectedIndex));
    }

    /** Selects row {@code i} of {@code lines}. */
    void select(List<ProcRows.Line> lines, int i) {
        if (lines.isEmpty()) {
            return;
        }
        int k = Math.max(0, Math.min(lines.size() - 1, i));
        selectedIndex = k;
        selectedPid = lines.get(k).row().pid();
    }
}
