package org.threadlab.worker;

import java.lang.reflect.Method;

/**
 * Virtual threads without compiling against Java 21: the build targets 17, so the API is reached
 * by reflection when the running JVM has it.
 */
public final class VirtualThreads {
    private static final Method OF_VIRTUAL = find("ofVirtual");
    /** Thread.Builder's name(String) and unstarted(Runnable), looked up once: a lookup each spawn cost more than the start. */
    private static final Method NAME = builder("name", String.class);
    private static final Method UNSTARTED = builder("unstarted", Runnable.class);

    private VirtualThreads() {}

    public static boolean available() {
        return OF_VIRTUAL != null;
    }

    /** Why virtual threads cannot be used here, for a one-line refusal. */
    public static String unavailableReason() {
        return "virtual threads need Java 21 or newer; threadlab runs on Java " + Runtime.version().feature();
    }

    /** An unstarted virtual thread with this name. */
    public static Thread unstarted(String name, Runnable task) {
        if (!available()) {
            throw new SpawnRefused(unavailableReason());
        }
        try {
            Object builder = NAME.invoke(OF_VIRTUAL.invoke(null), name);
            return (Thread) UNSTARTED.invoke(builder, task);
        } catch (ReflectiveOperationException e) {
            throw new SpawnRefused("cannot create a virtual thread: " + e);
        }
    }

    private static Method builder(String name, Class<?> parameter) {
        if (OF_VIRTUAL == null) {
            return null;
        }
        try {
            return Class.forName("java.lang.Thread$Builder").getMethod(name, parameter);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static Method find(String name) {
        try {
            return Thread.class.getMethod(name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }
}
