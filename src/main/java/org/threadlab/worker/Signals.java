package org.threadlab.worker;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.util.Optional;

/**
 * Sends a signal to a process through {@code kill(2)}, called through JNA (which OSHI brings): no
 * shell, no {@code /bin/kill}, nothing parsed. The kernel's refusal comes back in the user's words
 * ("not allowed to signal PID 1 (owned by root)", "PID 4242 has already exited"), never as an
 * exception: the screen shows it in the status line.
 */
public final class Signals {
    /** Linux's and macOS's errno values for what kill(2) refuses (the same on both). */
    static final int EPERM = 1;
    static final int ESRCH = 3;
    static final int EINVAL = 22;

    /** What happened: sent, or why not, in a line. */
    public record Outcome(boolean sent, String message) {}

    /** libc's kill(2); JNA turns its -1 into a LastErrorException carrying errno. */
    private interface LibC extends Library {
        int kill(int pid, int sig) throws LastErrorException;
    }

    /** Loaded on first use only: the screen's start-up never pays for JNA unless a signal is sent. */
    private static final class Holder {
        static final LibC LIBC = Native.load("c", LibC.class);
    }

    private Signals() {}

    /**
     * Sends {@code signal} to process {@code pid}. Refuses, without calling the kernel, a PID below 1
     * (kill(2) would take 0 and -1 for a process group and for every process) and threadlab's own PID
     * (q quits it; a STOP would freeze the screen that could send CONT).
     */
    public static Outcome send(long pid, Signal signal) {
        if (pid < 1 || pid > Integer.MAX_VALUE) {
            return new Outcome(false, "PID " + pid + " is not a process");
        }
        if (pid == ProcessHandle.current().pid()) {
            return new Outcome(false, "PID " + pid + " is threadlab itself: q quits it");
        }
        Optional<Integer> number = signal.number();
        if (number.isEmpty()) {
            return new Outcome(false, "threadlab does not know the signal numbers of " + System.getProperty("os.name")
                    + " on " + System.getProperty("os.arch") + ": nothing was sent");
        }
        String who = describe(pid);
        try {
            Holder.LIBC.kill((int) pid, number.get());
        } catch (LastErrorException e) {
            return new Outcome(false, refusal(e.getErrorCode(), pid, signal, owner(pid)));
        } catch (UnsatisfiedLinkError | NoClassDefFoundError e) {
            // no libc to call (Windows): said, as everything else the menu cannot do
            return new Outcome(false, "cannot send signals here: " + e.getMessage());
        }
        return new Outcome(true, "sent " + signal.name() + " (" + number.get() + ") to " + who);
    }

    /** kill(2)'s errno in the user's words. */
    static String refusal(int errno, long pid, Signal signal, Optional<String> owner) {
        return switch (errno) {
            case EPERM -> "not allowed to signal PID " + pid + owner.map(u -> " (owned by " + u + ")").orElse(" (another user's process)");
            case ESRCH -> "PID " + pid + " has already exited";
            case EINVAL -> signal.name() + " is not a valid signal here";
            default -> "could not send " + signal.name() + " to PID " + pid + " (errno " + errno + ")";
        };
    }

    /** "PID 4242 (sleep)", or just "PID 4242" when its command is not known. */
    static String describe(long pid) {
        return "PID " + pid + ProcessHandle.of(pid).flatMap(p -> p.info().command())
                .map(c -> " (" + c.substring(c.lastIndexOf('/') + 1) + ")").orElse("");
    }

    /** The user a process runs as, when the system says. */
    static Optional<String> owner(long pid) {
        return ProcessHandle.of(pid).flatMap(p -> p.info().user());
    }
}
