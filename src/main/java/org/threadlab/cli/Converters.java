package org.threadlab.cli;

import java.time.Duration;
import org.threadlab.sample.DataSource;
import org.threadlab.text.Durations;
import org.threadlab.worker.WorkerKind;
import picocli.CommandLine;

/** picocli converters, so every command writes durations, sizes and kinds the same way. */
final class Converters {
    private Converters() {}

    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            try {
                return Durations.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class KindConverter implements CommandLine.ITypeConverter<WorkerKind> {
        @Override
        public WorkerKind convert(String value) {
            try {
                return WorkerKind.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --source}: oshi, proc or auto, in lower case as the help writes them. */
    static final class SourceConverter implements CommandLine.ITypeConverter<DataSource> {
        @Override
        public DataSource convert(String value) {
            try {
                return DataSource.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code --source}'s words, for the help and completion. */
    static final class SourceNames implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(DataSource.values()).map(DataSource::label).iterator();
        }
    }

    /** Counts given on the command line: whole numbers within bounds, or a clear refusal. */
    static int positive(CommandLine.Model.CommandSpec spec, String option, int value, int max) {
        if (value < 1 || value > max) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    option + " must be between 1 and " + max + ", not " + value);
        }
        return value;
    }

    /** A duration within bounds (null passes: not given), in the notation the user writes. */
    static Duration between(CommandLine.Model.CommandSpec spec, String option, Duration value, Duration min, Duration max) {
        if (value != null && (value.compareTo(min) < 0 || value.compareTo(max) > 0)) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be between " + Durations.format(min)
                    + " and " + Durations.format(max) + ", not " + Durations.format(value));
        }
        return value;
    }

    static Duration positive(CommandLine.Model.CommandSpec spec, String option, Duration value) {
        if (value != null && (value.isZero() || value.isNegative())) {
            throw new CommandLine.ParameterException(spec.commandLine(), option + " must be positive");
        }
        return value;
    }
}
