package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.threadlab.work.WorkloadType;
import org.threadlab.work.Workloads;

/** The README's workload table is the one the descriptors write: a changed default or a new workload shows there. */
class WorkloadsTableTest {
    private static final String BEGIN = "<!-- workloads:";
    private static final String END = "<!-- /workloads -->";

    @Test
    void theReadmesTableIsTheOneTheDescriptorsWrite() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md has no table between '" + BEGIN + "' and '" + END + "'");
        String table = readme.substring(readme.indexOf('\n', begin) + 1, end);
        assertEquals(WorkloadsCommand.markdown(), table,
                "README.md's workload table differs from the descriptors: paste 'threadlab workloads --markdown' between the markers");
    }

    @Test
    void workloadsListsEachOptionAsRunTakesIt() {
        // "--stubborn ... (true or false)" told users to write --stubborn=false, which run refuses: a flag has no value
        String text = WorkloadsCommand.text();
        String stubborn = text.lines().filter(l -> l.trim().startsWith("--stubborn")).findFirst().orElseThrow();
        assertEquals("--stubborn             ignore stop requests (and, in a process, SIGTERM)", stubborn.trim());
        CliTest.Outcome refused = CliTest.exec("run", "cpu", "--stubborn=false");
        assertEquals(2, refused.code(), "run takes --stubborn without a value: " + refused.err());
        assertTrue(text.contains("    --duration=DURATION    how long to wait (>0 to 24h, default 2s)\n"), text);
    }

    @Test
    void everyWorkloadHasARowWithEveryParameterAndItsDefault() {
        String table = WorkloadsCommand.markdown();
        for (WorkloadType t : Workloads.types()) {
            String row = table.lines().filter(l -> l.startsWith("| `" + t.name() + "` |")).findFirst().orElseThrow();
            t.params().stream().filter(p -> !p.internal()).forEach(p -> {
                assertTrue(row.contains("`" + p.option()), t.name() + " lacks " + p.option() + ": " + row);
                if (p.shown() != null && p.kind() != org.threadlab.work.Param.Kind.FLAG) {
                    assertTrue(row.contains("(" + p.shown() + ")"), t.name() + " lacks " + p.name() + "'s default: " + row);
                }
            });
        }
    }
}
