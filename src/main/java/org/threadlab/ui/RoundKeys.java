package org.threadlab.ui;

import java.util.List;
import org.threadlab.model.Round;
import org.threadlab.model.Snapshot;

/**
 * The keys of the rounds pane and the round's result box: R opens and closes the pane, B marks the
 * selected round as the baseline, Esc closes the pane or hides the result box, Enter shows the
 * selected event whole. Up/Down select a round through {@link Navigation} while the pane is open.
 */
final class RoundKeys {
    private RoundKeys() {}

    /** R: the rounds pane on or off; it opens on the newest round. */
    static Reaction toggle(UiContext c) {
        c.st.roundsPane = !c.st.roundsPane;
        if (c.st.roundsPane) {
            // the two panes share the tables' place
            c.timeline.close();
            c.st.roundSelected = 0;
        }
        c.st.status(c.st.roundsPane ? "rounds: Up/Down select, B marks the baseline, R or Esc closes" : "", false);
        return Reaction.REDRAW;
    }

    /** B: the selected round of the pane becomes the baseline (again: back to the default). */
    static Reaction baseline(UiContext c) {
        if (!c.st.roundsPane) {
            c.st.status("B marks the round selected in the rounds pane: R opens it", true);
            return Reaction.REDRAW;
        }
        List<Round> rounds = c.nav.shown().rounds();
        int i = RoundsView.selectedIndex(rounds, c.st);
        if (i < 0) {
            c.st.status("no round yet to mark: start one (4t, p)", true);
            return Reaction.REDRAW;
        }
        return c.commands.markBaseline(rounds.get(i).id());
    }

    /** Esc: a join's wait first (as before), then the timeline pane, the rounds pane, then the result box, then what Esc did before. */
    static Reaction escape(UiContext c) {
        if (c.st.joins.isEmpty()) {
            if (c.st.timelinePane) {
                c.timeline.close();
                c.st.status("", false);
                return Reaction.REDRAW;
            }
            if (c.st.roundsPane) {
                c.st.roundsPane = false;
                c.st.status("", false);
                return Reaction.REDRAW;
            }
            Snapshot s = c.nav.shown();
            var result = RoundBox.result(s, c.st);
            if (result.isPresent()) {
                c.st.resultHidden = result.get().id();
                c.st.status("result of round #" + result.get().id() + " hidden: R lists every round", false);
                return Reaction.REDRAW;
            }
        }
        return c.commands.cancel();
    }

    /** Enter: the selected event whole, in a box over the screen. */
    static Reaction enter(UiContext c) {
        if (c.st.focus != Pane.EVENTS || c.st.roundsPane || c.st.timelinePane) {
            c.st.status("Enter shows an event whole: Tab to the events pane first", false);
            return Reaction.REDRAW;
        }
        if (c.nav.shown().events().isEmpty()) {
            c.st.status("no events yet", false);
            return Reaction.REDRAW;
        }
        c.st.overlay = UiState.Overlay.EVENT;
        return Reaction.REDRAW;
    }

    /** Up, Down, Page Up/Down, Home, End in the pane: {@code delta} rows, down being newer. */
    static void move(List<Round> rounds, UiState st, int delta) {
        if (rounds.isEmpty()) {
            return;
        }
        int i = RoundsView.selectedIndex(rounds, st);
        int next = (int) Math.max(0, Math.min(rounds.size() - 1, (long) i + delta));
        st.roundSelected = rounds.size() - 1 - next;
    }
}
