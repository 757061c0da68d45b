package org.threadlab;

import java.io.InputStream;
import java.util.Properties;
import org.threadlab.cli.BenchCommand;
import org.threadlab.cli.CompareCommand;
import org.threadlab.cli.DemoCommand;
import org.threadlab.cli.LessonCommand;
import org.threadlab.cli.Numbers;
import org.threadlab.cli.ReplayCommand;
import org.threadlab.cli.ReportCommand;
import org.threadlab.cli.RunCommand;
import org.threadlab.cli.SnapshotCommand;
import org.threadlab.cli.UiCommand;
import org.threadlab.cli.WorkloadsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The picocli root command: subcommands, version, exit codes. No logic lives here. */
@Command(name = "threadlab",
        mixinStandardHelpOptions = true,
        versionProvider = ThreadLab.Version.class,
        description = "See threads and processes work: run workloads as threads, virtual threads or child processes, and watch them.",
        subcommands = {
                UiCommand.class,
                org.threadlab.cli.AttachCommand.class,
                LessonCommand.class,
                RunCommand.class,
                CompareCommand.class,
                ReplayCommand.class,
                ReportCommand.class,
                DemoCommand.class,
                SnapshotCommand.class,
                org.threadlab.cli.TimelineCommand.class,
                BenchCommand.class,
                WorkloadsCommand.class,
                org.threadlab.cli.CompletionCommand.class,
        })
public final class ThreadLab implements Runnable, CommandLine.IExitCodeGenerator {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        nameMainThreadInTheKernel();
        System.exit(commandLine().execute(args));
    }

    /**
     * Gives the main thread its Java name ("main") in the kernel too: the java launcher leaves it "java",
     * the name of the process's first thread, which only waits for it. Two kernel threads named alike do
     * not join to their Java threads by name, so the main thread (the screen's) showed no Java state; now
     * it joins. (It runs every frame, so it is read every tick all the same.) The JVM renames only the
     * calling thread, and only in the kernel when the name is set again.
     */
    static void nameMainThreadInTheKernel() {
        Thread main = Thread.currentThread();
        main.setName(main.getName());
    }

    /** The configured command line, shared by main and the tests. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new ThreadLab());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // "bench --only sampler": a figure may share its name with a subcommand; picocli refused it as a value
        cl.setAllowSubcommandsAsOptionParameters(true);
        // every subcommand offers -V (mixinStandardHelpOptions), and picocli does not pass the version down: it printed nothing
        versionEverywhere(cl, cl.getCommandSpec().versionProvider());
        // numbers in the user's terms: picocli's own say "is not an int" (a Java type)
        cl.registerConverter(Integer.class, Numbers::wholeInt);
        cl.registerConverter(Integer.TYPE, Numbers::wholeInt);
        cl.registerConverter(Long.class, Numbers::wholeLong);
        cl.registerConverter(Long.TYPE, Numbers::wholeLong);
        cl.registerConverter(Double.class, Numbers::decimal);
        cl.registerConverter(Double.TYPE, Numbers::decimal);
        // One line for bad usage, then where to look: the full usage drowns the message.
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine cmd = ex.getCommandLine();
            cmd.getErr().println("threadlab: " + ex.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
            return cmd.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((ex, cmd, parseResult) -> {
            if (ex instanceof IllegalArgumentException || ex instanceof org.threadlab.worker.SpawnRefused) {
                cmd.getErr().println("threadlab: " + ex.getMessage());
                return cmd.getCommandSpec().exitCodeOnInvalidInput();
            }
            cmd.getErr().println("threadlab: " + ex);
            return cmd.getCommandSpec().exitCodeOnExecutionException();
        });
        return cl;
    }

    private static void versionEverywhere(CommandLine cl, CommandLine.IVersionProvider version) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (sub.getCommandSpec().versionProvider() == null) {
                sub.getCommandSpec().versionProvider(version);
            }
            versionEverywhere(sub, version);
        }
    }

    @CommandLine.Mixin
    org.threadlab.cli.UiArgs ui;

    @CommandLine.Mixin
    org.threadlab.cli.RecordArgs record;

    private int exitCode;

    /** {@code threadlab [--interval ..] [--gil] [--ascii] [--no-color]} opens the screen, as {@code threadlab ui} does. */
    @Override
    public void run() {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of(ui.toArgs()));
        args.addAll(record.toArgs());
        exitCode = spec.commandLine().getSubcommands().get("ui").execute(args.toArray(new String[0]));
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }

    /** Reads the version Maven wrote into the jar's resources. */
    public static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            Properties p = new Properties();
            try (InputStream in = ThreadLab.class.getResourceAsStream("/threadlab-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            } catch (java.io.IOException ignored) {
                // fall through to "unknown"
            }
            return new String[] {
                    "threadlab " + p.getProperty("version", "unknown"),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vm.name") + ")",
            };
        }
    }
}
