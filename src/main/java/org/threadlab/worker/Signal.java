package org.threadlab.worker;

import java.util.Locale;
import java.util.Optional;

/**
 * The eight signals the signal menu offers (htop's short list), with their numbers on the running
 * platform: Linux on x86, ARM, RISC-V, POWER and s390 share one table, macOS and the BSDs another
 * (USR1, USR2, STOP and CONT differ). jna-platform has no signal constants, so the tables are here,
 * from each system's {@code signal.h}.
 */
public enum Signal {
    TERM(15, 15), INT(2, 2), HUP(1, 1), KILL(9, 9), STOP(19, 17), CONT(18, 19), USR1(10, 30), USR2(12, 31);

    private final int linux;
    private final int bsd;

    Signal(int linux, int bsd) {
        this.linux = linux;
        this.bsd = bsd;
    }

    /** The systems whose numbers are known; others (Windows, Linux on MIPS/SPARC/Alpha) have none. */
    enum Table { LINUX, BSD, NONE }

    /** This signal's number where threadlab runs; empty where it is not known (see {@link Table}). */
    public Optional<Integer> number() {
        return number(table(System.getProperty("os.name", ""), System.getProperty("os.arch", "")));
    }

    Optional<Integer> number(Table t) {
        return switch (t) {
            case LINUX -> Optional.of(linux);
            case BSD -> Optional.of(bsd);
            case NONE -> Optional.empty();
        };
    }

    /** "SIGTERM": as kill(1) and htop write it. */
    public String sigName() {
        return "SIG" + name();
    }

    /** What the menu says of it, one short line. */
    public String meaning() {
        return switch (this) {
            case TERM -> "ask to end (the polite way)";
            case INT -> "interrupt, as Ctrl-C";
            case HUP -> "hang up: the terminal went";
            case KILL -> "end now, no clean-up";
            case STOP -> "pause (state T)";
            case CONT -> "resume after STOP";
            case USR1 -> "user-defined 1";
            case USR2 -> "user-defined 2";
        };
    }

    /**
     * Which table a system uses. Linux on MIPS, SPARC and Alpha numbers USR1, STOP and CONT
     * otherwise (and PA-RISC too): no table is guessed for them.
     */
    static Table table(String osName, String osArch) {
        String os = osName.toLowerCase(Locale.ROOT);
        String arch = osArch.toLowerCase(Locale.ROOT);
        if (os.startsWith("linux")) {
            boolean other = arch.startsWith("mips") || arch.startsWith("sparc") || arch.startsWith("alpha") || arch.startsWith("parisc")
                    || arch.startsWith("hppa");
            return other ? Table.NONE : Table.LINUX;
        }
        if (os.startsWith("mac") || os.contains("darwin") || os.contains("bsd")) {
            return Table.BSD;
        }
        return Table.NONE;
    }
}
