package org.threadlab.bench;

import java.util.List;

/** Every figure {@code threadlab bench} measures, in the order of its table (issue 13's table). */
public final class Figures {
    private Figures() {}

    public static List<Figure> all() {
        return List.of(
                new UiCostFigure(),
                new SamplerTickFigure(),
                new SpawnFigure(),
                new SpareFigure(),
                new ThreadStartFigure(),
                new FrameFigure(),
                new IdleBytesFigure(),
                new ManyWorkersFigure()
        );
    }
}
