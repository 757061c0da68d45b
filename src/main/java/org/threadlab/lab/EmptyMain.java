package org.threadlab.lab;

/** The reference for child start-up: a JVM that prints one line and exits, nothing else. */
public final class EmptyMain {
    private EmptyMain() {}

    public static void main(String[] args) {
        System.out.println("ready");
    }
}
