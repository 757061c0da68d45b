package org.threadlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.threadlab.ThreadLab;
import org.threadlab.lesson.Lessons;
import org.threadlab.work.Workloads;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The bash completion script completes what the descriptors say: workload names, their options and
 * the choices of a choice parameter. Runs the script in a real bash, as a shell would.
 */
class CompletionTest {
    @TempDir
    Path dir;

    private String complete(Path script, String line) throws Exception {
        return complete(script, line, null);
    }

    /** What bash completes for {@code line} (the cursor at its end), run in {@code cwd} (null: this JVM's). */
    private static String complete(Path script, String line, Path cwd) throws Exception {
        String[] words = line.split(" ", -1);
        StringBuilder array = new StringBuilder();
        for (String w : words) {
            array.append('"').append(w).append("\" ");
        }
        String body = "source " + script + " 2>/dev/null; COMP_WORDS=(" + array + "); COMP_CWORD=" + (words.length - 1)
                + "; COMP_LINE='" + line + "'; _complete_threadlab 2>/dev/null; echo \"${COMPREPLY[@]}\"";
        Process p = new ProcessBuilder("bash", "-c", body).redirectErrorStream(true)
                .directory(cwd == null ? null : cwd.toFile()).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(p.waitFor(20, TimeUnit.SECONDS), "bash did not finish");
        return out;
    }

    @Test
    void workloadsTheirOptionsAndChoicesComplete() throws Exception {
        CliTest.Outcome o = CliTest.exec("generate-completion");
        assertEquals(0, o.code(), o.err());
        Path script = dir.resolve("threadlab.bash");
        Files.writeString(script, o.out());
        assertEquals("cpu counter crash", complete(script, "threadlab run c"));
        assertEquals("unsafe lock atomic", complete(script, "threadlab run counter --mode "));
        assertEquals("thread process", complete(script, "threadlab run pool --pool "));
        assertEquals("--pool-size", complete(script, "threadlab run pool --pool-"));
        assertTrue(complete(script, "threadlab w").contains("workloads"));
    }

    @Test
    void runCompletesOnlyTheOptionsOfTheWorkloadNamed() throws Exception {
        CliTest.Outcome o = CliTest.exec("generate-completion");
        assertEquals(0, o.code(), o.err());
        Path script = dir.resolve("threadlab.bash");
        Files.writeString(script, o.out());
        // before a workload is named, every option; after it, its own and run's common ones
        assertEquals("--pool-size --pool --pause --produce", complete(script, "threadlab run --p"));
        assertEquals("", complete(script, "threadlab run sleep --p"), "sleep takes no --p... option");
        assertEquals("--pause", complete(script, "threadlab run global --p"));
        assertEquals("--daemon --duration", complete(script, "threadlab run sleep --d"));
        assertEquals("--stubborn", complete(script, "threadlab run --count 2 cpu --st"), "a flag of its own");
        // "sleep" here is --task's value: the workload is pool
        assertEquals("--pool-size --pool", complete(script, "threadlab run pool --task sleep --po"));
        assertEquals("cpu sleep", complete(script, "threadlab run pool --task "));
        assertEquals("--units", complete(script, "threadlab compare --u"), "compare is left as picocli makes it");
    }

    private Path script() throws Exception {
        CliTest.Outcome o = CliTest.exec("generate-completion");
        assertEquals(0, o.code(), o.err());
        Path script = dir.resolve("threadlab.bash");
        Files.writeString(script, o.out());
        return script;
    }

    /**
     * Names come from the registries the commands read: every workload of Workloads (a new workload's
     * class and its services line add it here), every built-in lesson, --as's kinds, demo's lessons as
     * typed; and every subcommand.
     */
    @Test
    void namesComeFromTheRegistriesTheCommandsUse() throws Exception {
        Path script = script();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertEquals(String.join(" ", Workloads.TYPES), complete(script, "threadlab run ", empty));
        assertEquals(String.join(" ", Workloads.TYPES), complete(script, "threadlab run --as process --count 2 ", empty),
                "after options, the workload is still the first positional");
        // --as=process: bash's words split at the = (COMP_WORDBREAKS), zsh's do not
        assertEquals(String.join(" ", Workloads.TYPES), complete(script, "threadlab run --as = process ", empty));
        assertEquals(String.join(" ", Workloads.TYPES), complete(script, "threadlab run --as=process -n 2 ", empty));
        assertEquals("thread virtual process", complete(script, "threadlab run sleep --as "));
        assertEquals("process", complete(script, "threadlab run cpu --as p"));
        List<String> lessons = Lessons.builtIn().stream().map(Lessons.Info::name).toList();
        assertEquals(String.join(" ", lessons), complete(script, "threadlab lesson ", empty));
        assertEquals(String.join(" ", lessons), complete(script, "threadlab lesson --headless ", empty));
        assertEquals("shared-state", complete(script, "threadlab demo ", empty), "as the command takes it, not the enum's shared_state");
        assertEquals(String.join(" ", ThreadLab.commandLine().getSubcommands().keySet()), complete(script, "threadlab "));
    }

    /** A lesson is a name or a path: as a path it completes directories and lesson files, nothing else. */
    @Test
    void lessonCompletesItsFilesAsAPath() throws Exception {
        Path script = script();
        Path lessons = Files.createDirectories(dir.resolve("lessons"));
        Files.writeString(lessons.resolve("my-lesson.yaml"), "");
        Files.writeString(lessons.resolve("other.yml"), "");
        Files.writeString(lessons.resolve("notes.txt"), "");
        Files.createDirectories(lessons.resolve("more"));
        List<String> got = List.of(complete(script, "threadlab lesson " + lessons + "/").split(" "));
        assertEquals(java.util.Set.of(lessons + "/more", lessons + "/my-lesson.yaml", lessons + "/other.yml"), java.util.Set.copyOf(got));
        assertEquals(lessons + "/my-lesson.yaml", complete(script, "threadlab lesson " + lessons + "/my"));
        // relative to where the user is, built-in names and files together
        Files.writeString(lessons.resolve("gil-extra.yaml"), "");
        assertEquals("gil gil-extra.yaml", complete(script, "threadlab lesson g", lessons));
        assertEquals("--check", complete(script, "threadlab lesson gil --ch"));
    }

    /**
     * Every option and positional that names its values (an enum, completionCandidates: --as, --mode,
     * compare's --workload, and any added later) completes exactly those, in every command; and every
     * command completes all its options.
     */
    @Test
    void everyOptionWithValuesCompletesThem() throws Exception {
        Path script = script();
        Path empty = Files.createDirectories(dir.resolve("empty"));
        int checked = 0;
        List<CommandLine> commands = new java.util.ArrayList<>();
        commands.add(ThreadLab.commandLine());
        for (int i = 0; i < commands.size(); i++) {
            CommandLine c = commands.get(i);
            commands.addAll(c.getSubcommands().values());
            String path = c.getCommandSpec().qualifiedName(" ");
            java.util.Set<String> names = new java.util.TreeSet<>();
            for (OptionSpec o : c.getCommandSpec().options()) {
                if (o.hidden()) {
                    continue;
                }
                for (String n : o.names()) {
                    if (n.startsWith("--")) {
                        names.add(n);
                    }
                }
                if (o.completionCandidates() != null && o.arity().max() > 0) {
                    List<String> values = new java.util.ArrayList<>();
                    o.completionCandidates().forEach(values::add);
                    assertEquals(String.join(" ", values), complete(script, path + " " + o.longestName() + " ", empty),
                            path + " " + o.longestName());
                    checked++;
                }
            }
            assertEquals(names, new java.util.TreeSet<>(List.of(complete(script, path + " --").split(" "))), path + " --");
            for (PositionalParamSpec p : c.getCommandSpec().positionalParameters()) {
                if (p.completionCandidates() != null && p.index().min() == 0 && !p.hidden()) {
                    List<String> values = new java.util.ArrayList<>();
                    p.completionCandidates().forEach(values::add);
                    assertEquals(String.join(" ", values), complete(script, path + " ", empty), path + " " + p.paramLabel());
                    checked++;
                }
            }
        }
        assertTrue(checked >= 8, "too few lists found (" + checked + "): the walk is broken");
    }
}
