package org.threadlab.e2e;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server for one test: /usr/sbin/sshd on 127.0.0.1 at a free port, key-only (its own
 * host and client keys, config, authorized_keys and pid file in a temporary directory; no PAM, no
 * passwords), in the foreground so the test owns it; closing it stops it and every session it runs.
 */
final class Sshd implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");
    /** Where a root sshd wants its privilege separation directory (Debian's package makes it at boot). */
    private static final Path PRIVSEP = Path.of("/run/sshd");

    private final Path dir;
    private final Process process;
    private final int port;

    private Sshd(Path dir, Process process, int port) {
        this.dir = dir;
        this.process = process;
        this.port = port;
    }

    /** Why an SSH test cannot run here (sshd, ssh or ssh-keygen missing), or null when it can. */
    static String missing() {
        if (!Files.isExecutable(SSHD)) {
            return SSHD + " is missing (Debian: apt-get install openssh-server)";
        }
        for (String tool : new String[] {"ssh", "ssh-keygen"}) {
            if (!onPath(tool)) {
                return tool + " is not on the PATH (Debian: apt-get install openssh-client)";
            }
        }
        return null;
    }

    private static boolean onPath(String program) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }

    /** Starts a server whose files live in {@code dir}; returns once it listens. */
    static Sshd start(Path dir) throws IOException, InterruptedException {
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "threadlab-e2e-host", "-f", dir.resolve("host_key").toString());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "threadlab-e2e-client", "-f", dir.resolve("client_key").toString());
        Files.copy(dir.resolve("client_key.pub"), dir.resolve("authorized_keys"));
        // a root sshd refuses to start without it. It stays afterwards, as Debian's package leaves it: another
        // sshd (a system one, or this test in another build on the machine) may be using it by then
        if (isRoot() && !Files.isDirectory(PRIVSEP)) {
            Files.createDirectories(PRIVSEP);
        }
        AssertionError last = null;
        // the free port is found by binding and releasing it, so another program may take it meanwhile: try again then
        for (int attempt = 0; attempt < 3; attempt++) {
            int port = freePort();
            Path config = dir.resolve("sshd_config");
            Files.writeString(config, String.join("\n",
                    "ListenAddress 127.0.0.1",
                    "Port " + port,
                    "HostKey " + dir.resolve("host_key"),
                    "PidFile " + dir.resolve("sshd.pid"),
                    "AuthorizedKeysFile " + dir.resolve("authorized_keys"),
                    "UsePAM no",
                    "PasswordAuthentication no",
                    "KbdInteractiveAuthentication no",
                    "PubkeyAuthentication yes",
                    "PermitRootLogin prohibit-password",
                    // the temporary directory's modes are not a user's ~/.ssh
                    "StrictModes no",
                    "PrintMotd no",
                    "PrintLastLog no",
                    // as Debian's default sshd_config and ssh_config do: the locale crosses, so the screen draws in UTF-8
                    "AcceptEnv LANG LC_*",
                    ""));
            Path log = dir.resolve("sshd.log");
            // -D: in the foreground, a child of the test; -e: its log to stderr, kept for a failure's message
            Process p = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", config.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            Sshd sshd = new Sshd(dir, p, port);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline && p.isAlive() && !read(log).contains("Server listening on 127.0.0.1 port " + port)) {
                Thread.sleep(50);
            }
            if (p.isAlive() && read(log).contains("Server listening on")) {
                return sshd;
            }
            last = new AssertionError("sshd did not start on port " + port + "; its log:\n" + read(log));
            sshd.close();
        }
        throw last;
    }

    int port() {
        return port;
    }

    /**
     * The ssh client's command line that runs {@code remoteCommand} on this server in a terminal
     * ({@code -t}), as a user would type it: no user or system ssh_config ({@code -F none}), this
     * test's key only, the host key accepted into a known_hosts of this test's own.
     */
    List<String> client(String remoteCommand) {
        return List.of("ssh", "-t", "-F", "none", "-p", Integer.toString(port), "-i", dir.resolve("client_key").toString(),
                "-o", "IdentitiesOnly=yes", "-o", "BatchMode=yes", "-o", "StrictHostKeyChecking=no",
                "-o", "UserKnownHostsFile=" + dir.resolve("known_hosts"), "-o", "LogLevel=ERROR", "-o", "SendEnv=LANG",
                System.getProperty("user.name") + "@127.0.0.1", remoteCommand);
    }

    /** The same, without {@code -t}: no terminal on the far side. */
    List<String> clientWithoutTerminal(String remoteCommand) {
        List<String> c = new ArrayList<>(client(remoteCommand));
        c.remove("-t");
        return c;
    }

    /** A command line as one string for a shell, every word single-quoted. */
    static String shellWords(List<String> words) {
        List<String> quoted = new ArrayList<>();
        for (String w : words) {
            quoted.add("'" + w.replace("'", "'\\''") + "'");
        }
        return String.join(" ", quoted);
    }

    String log() {
        return read(dir.resolve("sshd.log"));
    }

    /** Stops the server and every session it still runs (SIGTERM, then SIGKILL after 5 s). */
    @Override
    public void close() throws InterruptedException {
        // a session's sshd is the listener's child and outlives it: take them all
        List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
        all.add(0, process.toHandle());
        for (ProcessHandle p : all) {
            p.destroy();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (all.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        for (ProcessHandle p : all) {
            p.destroyForcibly();
        }
        process.waitFor(5, TimeUnit.SECONDS);
    }

    /** Whether this JVM runs as uid 0 (the real uid, as sshd checks it). */
    private static boolean isRoot() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return line.substring(4).trim().split("\\s+")[0].equals("0");
            }
        }
        return false;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }
}
