package org.threadlab.work;

import java.util.List;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.threadlab.shared.MappedRing;

/**
 * A producer/consumer pair through a bounded queue. In threadlab's JVM the worker's thread
 * produces into an {@link ArrayBlockingQueue} and a second thread consumes (Python's
 * {@code queue.Queue}); in a child process the worker produces into a {@link MappedRing} in shared
 * memory and a second child process consumes ({@code multiprocessing.Queue}). Either way the
 * consumer checks the items arrive in order, and the live status shows the queue's size and how
 * often it was full (producer waits) or empty (consumer waits).
 */
public final class QueueWork implements Workload {
    public static final Param<Integer> ITEMS = Param.count("items", "200", 1_000_000, "items to pass");
    public static final Param<Integer> CAPACITY = Param.count("capacity", "16", MappedRing.MAX_CAPACITY, "slots in the bounded queue");
    public static final Param<Duration> PRODUCE = Param.pause("produce", "5ms", "producer's pause per item");
    public static final Param<Duration> CONSUME = Param.pause("consume", "10ms", "consumer's pause per item");

    private final int items;
    private final int capacity;
    private final Duration produce;
    private final Duration consume;
    private final PoolMember.Launcher launcher;
    private final boolean interProcess;

    public QueueWork(int items, int capacity, Duration produce, Duration consume, PoolMember.Launcher launcher,
                     boolean interProcess) {
        this.items = items;
        this.capacity = capacity;
        this.produce = produce;
        this.consume = consume;
        this.launcher = launcher;
        this.interProcess = interProcess;
    }

    @Override
    public String run(WorkContext ctx) throws Exception {
        return interProcess ? acrossProcesses(ctx) : withinThisJvm(ctx);
    }

    private static String status(int size, int capacity, long puts, long gets, long full, long empty) {
        // plain ASCII: it is shown on screens that may have no UTF-8
        return "queue " + size + "/" + capacity + ", put " + puts + ", got " + gets + ", full " + full + "x, empty " + empty + "x";
    }

    private String withinThisJvm(WorkContext ctx) throws Exception {
        ArrayBlockingQueue<Long> queue = new ArrayBlockingQueue<>(capacity);
        AtomicLong gets = new AtomicLong();
        AtomicLong empty = new AtomicLong();
        String[] problem = new String[1];
        Thread consumer = new Thread(() -> {
            try {
                for (long expected = 0; expected < items; expected++) {
                    Long item = queue.poll();
                    if (item == null) {
                        empty.incrementAndGet();
                        item = queue.take();
                    }
                    if (item != expected) {
                        problem[0] = "out of order: got " + item + " where " + expected + " was due";
                        return;
                    }
                    gets.incrementAndGet();
                    if (!consume.isZero()) {
                        Thread.sleep(consume.toMillis(), consume.toNanosPart() % 1_000_000);
                    }
                }
            } catch (InterruptedException e) {
                // the producer was cancelled
            }
        }, ctx.workerName() + "-consumer");
        consumer.setDaemon(true);
        consumer.start();
        long full = 0;
        try {
            ctx.progress(0, items);
            for (long i = 0; i < items; i++) {
                ctx.checkCancelled();
                if (!queue.offer(i)) {
                    full++;
                    while (!queue.offer(i, 50, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                        ctx.checkCancelled();
                    }
                }
                ctx.progress(gets.get(), items);
                ctx.status(status(queue.size(), capacity, i + 1, gets.get(), full, empty.get()));
                if (!produce.isZero()) {
                    ctx.sleep(produce);
                }
            }
            while (consumer.isAlive()) {
                ctx.checkCancelled();
                consumer.join(50);
                ctx.progress(gets.get(), items);
                ctx.status(status(queue.size(), capacity, items, gets.get(), full, empty.get()));
            }
        } finally {
            consumer.interrupt();
        }
        if (problem[0] != null) {
            throw new IllegalStateException(problem[0]);
        }
        ctx.progress(items, items);
        ctx.status(status(queue.size(), capacity, items, gets.get(), full, empty.get()));
        return "put " + items + " and got " + gets.get() + " in FIFO order through a " + capacity
                + "-slot queue between two threads; full " + full + " times, empty " + empty.get() + " times";
    }

    private String acrossProcesses(WorkContext ctx) throws Exception {
        Path file = Files.createTempFile("threadlab-queue-", ".ring");
        try (MappedRing ring = MappedRing.create(file, capacity)) {
            java.util.Map<String, Object> values = new java.util.LinkedHashMap<>();
            values.put(ITEMS.name(), items);
            values.put(CONSUME.name(), consume);
            values.put(CounterWork.FILE.name(), file.toString());
            TypedSpec consumerSpec = new TypedSpec(new ConsumerType(), values);
            try (PoolMember consumer = launcher.start(ctx.workerName() + "-consumer", consumerSpec)) {
                String[] outcome = new String[1];
                Thread reader = new Thread(() -> {
                    try {
                        String line;
                        while ((line = consumer.readLine()) != null) {
                            if (line.startsWith("result ") || line.startsWith("error ")) {
                                outcome[0] = line;
                            }
                        }
                    } catch (IOException ignored) {
                        // the consumer is gone
                    }
                }, ctx.workerName() + "-consumer-pipe");
                reader.setDaemon(true);
                reader.start();
                long full = 0;
                ctx.progress(0, items);
                for (long i = 0; i < items; i++) {
                    ctx.checkCancelled();
                    if (!ring.offer(i)) {
                        full++;
                        while (!ring.offer(i)) {
                            ctx.checkCancelled();
                            if (!reader.isAlive()) {
                                throw new IllegalStateException("the consumer process (pid " + consumer.pid() + ") exited early");
                            }
                            Thread.sleep(1);
                        }
                    }
                    ctx.progress(ring.gets(), items);
                    ctx.status(status(ring.size(), capacity, ring.puts(), ring.gets(), full, -1));
                    if (!produce.isZero()) {
                        ctx.sleep(produce);
                    }
                }
                while (reader.isAlive()) {
                    ctx.checkCancelled();
                    reader.join(50);
                    ctx.progress(ring.gets(), items);
                    ctx.status(status(ring.size(), capacity, ring.puts(), ring.gets(), full, -1));
                }
                String line = outcome[0];
                if (line == null || line.startsWith("error ")) {
                    throw new IllegalStateException("the consumer process failed: " + (line == null ? "no result" : line.substring(6)));
                }
                ctx.progress(items, items);
                return "put " + items + " through a " + capacity + "-slot queue in shared memory to process "
                        + consumer.pid() + ", which " + line.substring(7) + "; full " + full + " times";
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** The consumer process's side of the inter-process queue. */
    public static final class Consumer implements Workload {
        private final int items;
        private final Duration consume;
        private final Path file;

        public Consumer(int items, Duration consume, Path file) {
            this.items = items;
            this.consume = consume;
            this.file = file;
        }

        @Override
        public String run(WorkContext ctx) throws InterruptedException {
            long empty = 0;
            try (MappedRing ring = MappedRing.open(file)) {
                boolean wasEmpty = false;
                for (long expected = 0; expected < items; ) {
                    ctx.checkCancelled();
                    long item = ring.poll();
                    if (item < 0) {
                        if (!wasEmpty) {
                            empty++;
                            wasEmpty = true;
                        }
                        Thread.sleep(1);
                        continue;
                    }
                    wasEmpty = false;
                    if (item != expected) {
                        throw new IllegalStateException("out of order: got " + item + " where " + expected + " was due");
                    }
                    expected++;
                    ctx.progress(expected, items);
                    if (!consume.isZero()) {
                        ctx.sleep(consume);
                    }
                }
            }
            return "got all " + items + " in FIFO order (empty " + empty + " times)";
        }
    }

    /** The {@code queue} workload's descriptor. */
    public static final class Type extends WorkloadType {
        @Override public String name() { return "queue"; }
        @Override public String summary() { return "a producer and a consumer through a bounded queue"; }

        @Override
        public String shows() {
            return "a producer and a consumer through a bounded queue (threads) or a shared-memory ring (processes)";
        }

        @Override public List<Param<?>> params() { return List.of(ITEMS, CAPACITY, PRODUCE, CONSUME); }
        @Override public int processesStarted(TypedSpec spec, boolean asProcess) { return asProcess ? 1 : 0; }
        @Override public String startedProcesses(int n) { return "its consumer process"; }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            return new QueueWork(spec.get(ITEMS), spec.get(CAPACITY), spec.get(PRODUCE), spec.get(CONSUME), launcher, inChildProcess);
        }
    }

    /** The consumer process a queue in a process starts: not offered to users. */
    public static final class ConsumerType extends WorkloadType {
        @Override public String name() { return "queue-consumer"; }
        @Override public String summary() { return "the consumer process of a queue"; }
        @Override public boolean listed() { return false; }
        @Override public List<Param<?>> params() { return List.of(ITEMS, CONSUME, CounterWork.FILE); }

        @Override
        public Workload create(TypedSpec spec, PoolMember.Launcher launcher, boolean inChildProcess) {
            return new Consumer(spec.get(ITEMS), spec.get(CONSUME), Path.of(spec.get(CounterWork.FILE)));
        }
    }
}
