package org.threadlab.bench;

import java.io.File;
import java.util.List;
import java.util.function.Consumer;

/**
 * What every figure is measured with: the references found, whether this is a quick run (tests:
 * the smallest run that still goes through every step), a progress line, and the command that
 * starts threadlab itself (for figures that drive the real program in a terminal).
 *
 * @param quick    few repetitions and small sizes: behaviour only, the figures mean little
 * @param progress one line at a time, shown in place while a figure runs
 */
public record BenchContext(References references, boolean quick, Consumer<String> progress) {

    /** java, this JVM's class path and threadlab's main class: the jar's own command, without a shell. */
    public List<String> threadlabCommand() {
        String java = new File(new File(System.getProperty("java.home"), "bin"), "java").getPath();
        return List.of(java, "-cp", System.getProperty("java.class.path"), "org.threadlab.ThreadLab");
    }

    public void say(String text) {
        progress.accept(text);
    }
}
