package org.threadlab.ui;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import java.util.function.Consumer;
import org.threadlab.model.Snapshot;

/**
 * What the UI thread's inbox holds: everything that can wake the screen loop, one type each, so the
 * loop says what it does with each (as bottom's main loop matches one event enum).
 */
sealed interface UiEvent {
    /** A key from the input thread. */
    record KeyPressed(KeyStroke stroke) implements UiEvent {}

    /** A new model to draw. */
    record NewModel(Snapshot snapshot) implements UiEvent {}

    /**
     * The source has a new timeline (it is then {@code source.timeline()}): posted at most once until the
     * UI thread takes it, since fine slices may come every few milliseconds.
     */
    record NewTimeline() implements UiEvent {}

    /** The terminal changed size. */
    record Resized(TerminalSize size) implements UiEvent {}

    /**
     * A command that ran off the UI thread finished: {@code result} applies its outcome to the UI
     * state (on the UI thread, which owns it), {@code reaction} says what that asks of the loop.
     */
    record Finished(String command, Consumer<UiState> result, Reaction reaction) implements UiEvent {}

    /** The lesson moved on: a new view for the narration pane (from the lesson runner's thread). */
    record LessonChanged(org.threadlab.lesson.LessonView view) implements UiEvent {}

    /** The keyboard is gone (end of input): as q. */
    record InputEnded() implements UiEvent {}

    /** The keyboard cannot be read: said on the status line. */
    record InputFailed(String message) implements UiEvent {}
}
