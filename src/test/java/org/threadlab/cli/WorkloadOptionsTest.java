package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.work.Param;
import org.threadlab.work.PoolMember;
import org.threadlab.work.TypedSpec;
import org.threadlab.work.Workload;
import org.threadlab.work.WorkloadType;
import org.threadlab.work.Workloads;

/** run's workload options as the descriptors make them: one option, one kind of value. */
class WorkloadOptionsTest {
    /** A descriptor with one parameter, for checking how options are shared. */
    private static WorkloadType with(String name, Param<?> param) {
        return new WorkloadType() {
            @Override public String name() { return name; }
            @Override public String summary() { return "a test"; }
            @Override public List<Param<?>> params() { return List.of(param); }
            @Override public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) { return null; }
        };
    }

    @Test
    void workloadsShareAnOptionOnlyWithTheSameKindOfValue() {
        // --items is a count in global and queue: one option
        assertEquals(2, WorkloadOptions.byOption(List.of(with("a", Param.count("items", "5", 10, "x")),
                with("b", Param.count("items", "7", 20, "y")))).get("--items").size());
        // a flag in one and a duration in another would be parsed as the first one's kind: refused when run's options are made
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> WorkloadOptions.byOption(List.of(
                with("a", Param.flag("fast", "x")), with("b", Param.duration("fast", "1s", "y")))));
        assertEquals("--fast is FLAG in workload a but DURATION in b: workloads share an option only with the same kind of value", e.getMessage());
        assertThrows(IllegalStateException.class, () -> WorkloadOptions.byOption(List.of(
                with("a", Param.choice("how", "x", "one", "two")), with("b", Param.choice("how", "y", "three")))));
        // and the real registry passes
        WorkloadOptions.byOption(Workloads.types());
    }
}
