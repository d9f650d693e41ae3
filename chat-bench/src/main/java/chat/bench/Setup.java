package chat.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Runs {@code count} set-up tasks on virtual threads, at most {@code concurrency} at a time, bounded in time. */
final class Setup {
    interface Task<T> {
        T run(int index) throws Exception;
    }

    /** Results by index (null where the task failed), how many failed, and the first few reasons. */
    record Outcome<T>(List<T> results, int failures, List<String> reasons) {
        boolean ok() {
            return failures == 0;
        }
    }

    private Setup() {
    }

    static <T> Outcome<T> run(int count, int concurrency, Duration timeout, Task<T> task)
            throws InterruptedException {
        List<T> results = new ArrayList<>(Collections.nCopies(count, null));
        List<String> reasons = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger failures = new AtomicInteger();
        Semaphore permits = new Semaphore(concurrency);
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Future<?>> futures = new ArrayList<>(count);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < count; i++) {
                if (!permits.tryAcquire(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                    failures.addAndGet(count - i);
                    reasons.add("set-up timed out after " + i + " of " + count + " started");
                    break;
                }
                int index = i;
                futures.add(pool.submit(() -> {
                    try {
                        T result = task.run(index);
                        synchronized (results) {
                            results.set(index, result);
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                        if (reasons.size() < Tally.MAX_SAMPLES) {
                            reasons.add("#" + index + ": " + e.getMessage());
                        }
                    } finally {
                        permits.release();
                    }
                }));
            }
        }
        synchronized (results) {
            return new Outcome<>(results, failures.get(), List.copyOf(reasons));
        }
    }
}
