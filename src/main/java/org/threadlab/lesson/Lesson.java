package org.threadlab.lesson;

import java.util.List;

/**
 * A lesson as read from its file, every part checked: a title, what it is about, then steps a teacher
 * walks through. Nothing in it is a measured number; what a lesson shows comes from the measurement.
 *
 * @param name   what {@code threadlab lesson NAME} calls it (a built-in's file name without .yaml; a
 *               file's name likewise)
 * @param source where it was read from, as errors name it ("demos/lessons/gil.yaml", "built-in gil")
 */
public record Lesson(String name, String title, String about, String source, List<Step> steps) {
    public Lesson {
        steps = List.copyOf(steps);
    }
}
