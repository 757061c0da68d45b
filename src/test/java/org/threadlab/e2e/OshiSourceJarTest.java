package org.threadlab.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The packaged jar with {@code --source oshi}: OSHI loaded, its SLF4J given a provider, so stderr stays empty. */
class OshiSourceJarTest {
    @Test
    void oshiSaysNothingOnStderr() throws Exception {
        Process p = new ProcessBuilder(Jar.command("snapshot", "--source", "oshi", "--self", "--window", "300ms")).start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "snapshot ended within 60 s");
        assertEquals(0, p.exitValue(), out.get() + err.get());
        assertTrue(out.get().lines().findFirst().orElse("").endsWith("source oshi"), out.get());
        // without a provider SLF4J 2 prints "SLF4J(W): No SLF4J providers were found." and two more lines
        assertEquals("", err.get(), "stderr");
    }

    private static String read(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "unreadable: " + e;
        }
    }
}
