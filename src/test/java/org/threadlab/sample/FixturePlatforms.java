package org.threadlab.sample;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** Platforms for tests: this machine's readers with a host read that can be made to hang or to fail. */
public final class FixturePlatforms {
    private FixturePlatforms() {}

    /** The made-up /proc under src/test/resources/proc-fixture. */
    public static Path procFixture() {
        try {
            return Path.of(FixturePlatforms.class.getResource("/proc-fixture").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A gate in the host read: closed, a tick that reaches it waits there until it is opened. */
    public static final class Gate {
        private volatile CountDownLatch open = new CountDownLatch(0);
        private volatile CountDownLatch reached = new CountDownLatch(1);

        /** From now on a tick stops at the gate. */
        public void close() {
            reached = new CountDownLatch(1);
            open = new CountDownLatch(1);
        }

        public void open() {
            open.countDown();
        }

        /** Waits until a tick is stopped at the gate; false when none came in time. */
        public boolean awaitReached(long seconds) throws InterruptedException {
            return reached.await(seconds, TimeUnit.SECONDS);
        }

        void pass() {
            CountDownLatch o = open;
            if (o.getCount() > 0) {
                reached.countDown();
                try {
                    o.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    /** This machine, with a host read that stops at {@code gate} while it is closed. */
    public static Platform gated(Gate gate) {
        return Platform.of(() -> {
            Platform.Readers r = Platform.system().readers();
            return new Platform.Readers(() -> {
                gate.pass();
                return r.host().read();
            }, r.probes(), r.close());
        });
    }

    /** This machine, with a host read that throws whatever {@code failure} holds (nothing: it works). */
    public static Platform failing(AtomicReference<? extends Throwable> failure) {
        return Platform.of(() -> {
            Platform.Readers r = Platform.system().readers();
            return new Platform.Readers(() -> {
                Throwable e = failure.get();
                if (e instanceof RuntimeException x) {
                    throw x;
                }
                if (e instanceof Error x) {
                    throw x;
                }
                return r.host().read();
            }, r.probes(), r.close());
        });
    }
}
