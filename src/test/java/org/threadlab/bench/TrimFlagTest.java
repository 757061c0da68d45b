package org.threadlab.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** -XX:TrimNativeHeapInterval only where the java has it (17.0.9+, 21.0.1+, 22+): an older one refuses to start. */
class TrimFlagTest {
    @Test
    void theJavasThatHaveTheFlag() {
        assertFalse(UserCommand.trimsNativeHeap(Runtime.Version.parse("17.0.8")));
        assertTrue(UserCommand.trimsNativeHeap(Runtime.Version.parse("17.0.9")));
        assertTrue(UserCommand.trimsNativeHeap(Runtime.Version.parse("17.0.15+6")));
        assertFalse(UserCommand.trimsNativeHeap(Runtime.Version.parse("18.0.2")));
        assertFalse(UserCommand.trimsNativeHeap(Runtime.Version.parse("21")));
        assertTrue(UserCommand.trimsNativeHeap(Runtime.Version.parse("21.0.1")));
        assertTrue(UserCommand.trimsNativeHeap(Runtime.Version.parse("25.0.3")));
    }

    @Test
    void theLaunchersFlagsKeepItOnThisJavaOnlyIfItHasIt() {
        boolean has = UserCommand.jvmFlags().stream().anyMatch(f -> f.startsWith("-XX:TrimNativeHeapInterval="));
        if (!UserCommand.jvmFlags().isEmpty()) {
            assertEquals(UserCommand.trimsNativeHeap(Runtime.version()), has, UserCommand.jvmFlags().toString());
        }
    }
}
