package org.threadlab.sample;

/**
 * The fields threadlab uses from one {@code /proc/PID/stat} or {@code /proc/PID/task/TID/stat} line
 * (see proc(5)). The name is left as a byte range so a caller can reuse a cached String.
 *
 * @param processor field 39: the core the task last ran on
 */
record TaskStat(int nameStart, int nameEnd, char state, long ppid, long utime, long stime, int priority, int nice,
                int numThreads, long startTime, long vsize, long rssPages, int processor) {

    /**
     * Parses a stat line; null when it is malformed. The name (field 2) is in parentheses and may
     * itself hold spaces and parentheses, so the fields are counted from the last ')'.
     */
    static TaskStat parse(byte[] b, int len) {
        int open = -1;
        int close = -1;
        for (int i = 0; i < len; i++) {
            if (b[i] == '(' && open < 0) {
                open = i;
            } else if (b[i] == ')') {
                close = i;
            }
        }
        if (open < 0 || close < 0 || close + 2 >= len) {
            return null;
        }
        // field k+3 of proc(5) is number k here: 0 state, 1 ppid, 11 utime, 12 stime, 15 priority, 16 nice,
        // 17 num_threads, 19 starttime, 20 vsize, 21 rss, 36 processor; kept in locals as they pass (no array:
        // a thread's stat is parsed a few dozen times a tick)
        long ppid = 0;
        long utime = 0;
        long stime = 0;
        long priority = 0;
        long nice = 0;
        long numThreads = 0;
        long startTime = 0;
        long vsize = 0;
        long rss = 0;
        long processor = 0;
        int field = 0;
        int i = close + 2;
        char state = (char) b[i];
        i += 1;
        while (i < len && field < 36) {
            while (i < len && b[i] == ' ') {
                i++;
            }
            field++;
            boolean negative = i < len && b[i] == '-';
            if (negative) {
                i++;
            }
            long v = 0;
            while (i < len && b[i] >= '0' && b[i] <= '9') {
                v = v * 10 + (b[i++] - '0');
            }
            while (i < len && b[i] != ' ' && b[i] != '\n') {
                i++;
            }
            v = negative ? -v : v;
            switch (field) {
                case 1 -> ppid = v;
                case 11 -> utime = v;
                case 12 -> stime = v;
                case 15 -> priority = v;
                case 16 -> nice = v;
                case 17 -> numThreads = v;
                case 19 -> startTime = v;
                case 20 -> vsize = v;
                case 21 -> rss = v;
                case 36 -> processor = v;
                default -> { }
            }
        }
        if (field < 36) {
            return null;
        }
        return new TaskStat(open + 1, close, state, ppid, utime, stime, (int) priority, (int) nice, (int) numThreads,
                startTime, vsize, rss, (int) processor);
    }

    String name(byte[] b) {
        return new String(b, nameStart, nameEnd - nameStart, java.nio.charset.StandardCharsets.UTF_8);
    }

    long ticks() {
        return utime + stime;
    }
}
