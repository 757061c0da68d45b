package org.threadlab.lesson;

import java.util.List;

/**
 * Everything wrong with a lesson file, found in one read so a teacher fixes it in one go: each problem
 * a line {@code SOURCE:LINE: what is wrong}; the message is those lines joined. Also a lesson that cannot
 * be found or read (one line, without a line number).
 */
public final class LessonFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public LessonFileException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public LessonFileException(String problem) {
        this(List.of(problem));
    }

    /** One line per problem, in the order of the file. */
    public List<String> problems() {
        return problems;
    }
}
