package org.threadlab.worker;

/**
 * The signals threadlab sent one process, so that a death by signal reads as what it was: ours
 * ("terminated by SIGTERM") or someone else's ("killed by SIGKILL from outside").
 */
final class SignalsSent {
    private volatile boolean term;
    private volatile boolean kill;

    /** Sends SIGTERM, or SIGKILL when {@code forcibly}, and remembers it. */
    void send(ProcessHandle handle, boolean forcibly) {
        if (forcibly) {
            kill = true;
            handle.destroyForcibly();
        } else {
            term = true;
            handle.destroy();
        }
    }

    /** Remembers a SIGKILL about to be sent to more than one handle. */
    void killing() {
        kill = true;
    }

    boolean killSent() {
        return kill;
    }

    /**
     * Why a process that exited with {@code code} (over 128: killed by signal code-128) ended.
     *
     * @param termOnOurBehalf a SIGTERM someone sent for us (an exec worker's watchdog, told to stop)
     */
    String reason(int code, boolean termOnOurBehalf) {
        int signal = code - 128;
        String sig = signal == 15 ? "SIGTERM" : signal == 9 ? "SIGKILL" : "signal " + signal;
        boolean ours = (signal == 15 && (term || termOnOurBehalf)) || (signal == 9 && kill);
        return ours ? "terminated by " + sig : "killed by " + sig + " from outside";
    }
}
