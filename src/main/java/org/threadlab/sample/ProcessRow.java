package org.threadlab.sample;

/**
 * One process of the all-processes view, as read at one tick.
 *
 * @param pid     its PID
 * @param ppid    its parent's PID (0 for the kernel's own roots, PID 1 and kthreadd)
 * @param uid     its real user id
 * @param user    the user's name from the password file, or the number when it has none there
 * @param state   the kernel's state letter (R, S, D, Z, T, I...)
 * @param threads its number of threads
 * @param cpu     percent of one core over the time since its previous reading (may pass 100 with
 *                several threads, as htop's); NaN at its first reading, which has nothing to compare with
 * @param rss     resident memory in bytes
 * @param command its command line, arguments separated by spaces; its name when it has none (a kernel
 *                thread, a zombie), as htop shows them
 * @param kernel  true for a kernel thread (PF_KTHREAD), which htop shows dimmed
 */
public record ProcessRow(long pid, long ppid, int uid, String user, char state, int threads, double cpu, long rss,
                         String command, boolean kernel) {}
