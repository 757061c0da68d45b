package org.threadlab.record;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;
import org.threadlab.model.Snapshot;

/**
 * A recording's models, decoded when asked for: a decoded model takes about ten times its line (a
 * 120-value history is 1K in memory, a few bytes on the line), so an hour of 100 workers would take
 * half a gigabyte decoded. The lines are kept as read, with the decoder's state every
 * {@value #EVERY} models; the next model is decoded from the one before, any other from the
 * nearest state before it.
 */
final class LazyModels extends AbstractList<Snapshot> implements RandomAccess {
    /** A state every so many models: a step back decodes at most this many lines (about a millisecond each). */
    static final int EVERY = 32;

    private final String name;
    private final Decoder decoder;
    private final List<byte[]> lines;
    private final int[] lineNumbers;
    /** The decoder's state before model k * EVERY. */
    private final List<Decoder.State> states;
    private int cursor = -1;
    private Snapshot current;

    LazyModels(String name, Decoder decoder, List<byte[]> lines, int[] lineNumbers, List<Decoder.State> states) {
        this.name = name;
        this.decoder = decoder;
        this.lines = lines;
        this.lineNumbers = lineNumbers;
        this.states = states;
    }

    @Override
    public int size() {
        return lines.size();
    }

    @Override
    public synchronized Snapshot get(int i) {
        java.util.Objects.checkIndex(i, lines.size());
        if (i == cursor) {
            return current;
        }
        if (cursor < 0 || i < cursor || i - cursor > EVERY) {
            decoder.restore(states.get(i / EVERY));
            cursor = i / EVERY * EVERY - 1;
        }
        while (cursor < i) {
            cursor++;
            byte[] line = lines.get(cursor);
            try {
                current = decoder.model(Tree.parse(line, line.length));
            } catch (IllegalArgumentException e) {
                // read once already when the file was opened: only a change of the file since could do this
                throw new IllegalStateException(name + ":" + lineNumbers[cursor] + ": " + e.getMessage(), e);
            }
        }
        return current;
    }
}
