package org.threadlab.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.googlecode.lanterna.TerminalSize;
import com.googlecode.lanterna.input.KeyStroke;
import com.googlecode.lanterna.input.KeyType;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.threadlab.work.TypedSpec;

/** The w dialog reads a spec once; every t, v and p after it hands on those typed values, never the text. */
class SpawnSpecTest {

    @Test
    void theDialogReadsTheSpecOnceAndEverySpawnUsesThatReading() {
        List<TypedSpec> spawned = new ArrayList<>();
        WorkerCommands replay = new ReplayCommands();
        // the replay's answers for everything but a spawn, which is recorded as if started
        WorkerCommands recording = (WorkerCommands) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {WorkerCommands.class}, (proxy, m, args) -> switch (m.getName()) {
                    case "acts" -> true;
                    case "spawn" -> {
                        spawned.add((TypedSpec) args[2]);
                        yield Reply.done("started");
                    }
                    default -> m.invoke(replay, args);
                });
        UiState st = new UiState(Duration.ofSeconds(1));
        Controller controller = new Controller(recording, Fixtures.source(Fixtures.snapshot()), st, LiveKeys.TABLE,
                new Tasks(Runnable::run, e -> { }), () -> new TerminalSize(100, 30));
        try {
            controller.key(new KeyStroke('w', false, false));
            st.dialog.set("duration=7s");
            while (!st.dialog.typeName().equals("sleep")) {
                st.dialog.cycleType(1);
            }
            st.dialog.set("duration=7s");
            controller.key(new KeyStroke(KeyType.Enter));
            TypedSpec read = st.workload.typed();
            assertEquals("sleep", read.name());
            for (String keys : List.of("t", "3v", "p")) {
                for (char c : keys.toCharArray()) {
                    controller.key(new KeyStroke(c, false, false));
                }
            }
            assertEquals(3, spawned.size(), "t, 3v and p: three spawn commands");
            for (TypedSpec s : spawned) {
                assertSame(read, s, "the dialog's one reading, not the text read again");
            }
            assertEquals("sleep duration=7s", st.workload.describe(), "the footer shows it as written");
        } finally {
            controller.close();
        }
    }
}
