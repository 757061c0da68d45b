package org.threadlab.ui;

import java.time.Instant;
import java.util.Comparator;
import org.threadlab.text.NaturalOrder;
import org.threadlab.model.WorkerSample;

/** The sort orders {@code s} cycles through; busy and big first, since that is what one looks for. */
enum SortKey {
    ID("id"), NAME("name"), CPU("cpu"), MEMORY("mem"), STATE("state"), AGE("age");

    final String label;

    SortKey(String label) {
        this.label = label;
    }

    SortKey next() {
        return values()[(ordinal() + 1) % values().length];
    }

    Comparator<WorkerSample> comparator(Instant now) {
        Comparator<WorkerSample> byId = Comparator.comparingInt(w -> w.info().id());
        Comparator<WorkerSample> c = switch (this) {
            case ID -> byId;
            case NAME -> Comparator.comparing((WorkerSample w) -> w.info().name(), NaturalOrder.INSTANCE);
            case CPU -> Comparator.comparingDouble((WorkerSample w) -> Double.isNaN(w.cpuPercent()) ? -1 : w.cpuPercent()).reversed();
            case MEMORY -> Comparator.comparingLong((WorkerSample w) -> w.memoryBytes()).reversed();
            // live ones first, then by state name
            case STATE -> Comparator.comparing((WorkerSample w) -> w.state().ended())
                    .thenComparing(w -> w.state().name());
            case AGE -> Comparator.comparing((WorkerSample w) -> w.info().age(now)).reversed();
        };
        return c.thenComparing(byId);
    }
}
