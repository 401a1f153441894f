package org.siarchive.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The JVM's peak heap while a benchmark runs, the figure every benchmark prints beside its results. Two readings:
 * the most heap in use at once (sampled every 20 ms, garbage included) and the most that survived a collection
 * (the heap pools' usage after each collection, sampled: the live set the run needed). Use in try-with-resources; {@link #line()}
 * gives the printable figure.
 */
public final class PeakHeap implements AutoCloseable {

    private final AtomicLong used = new AtomicLong();
    private final AtomicLong live = new AtomicLong();
    private final List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    private final Thread sampler;

    private PeakHeap() {
        pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        var memory = ManagementFactory.getMemoryMXBean();
        sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        used.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                        live.accumulateAndGet(afterLastCollection(), Math::max);
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "peak-heap");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts watching the heap now. */
    public static PeakHeap watch() {
        return new PeakHeap();
    }

    /** The most heap in use at one sample, in bytes. */
    public long peakUsed() {
        used.accumulateAndGet(
                ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed(), Math::max);
        return used.get();
    }

    /** The most heap that survived a collection, summed over the heap pools, in bytes (0 when no collection ran). */
    public long peakAfterCollection() {
        live.accumulateAndGet(afterLastCollection(), Math::max);
        return live.get();
    }

    private long afterLastCollection() {
        long sum = 0;
        for (var p : pools) {
            var u = p.getCollectionUsage();
            if (u != null) {
                sum += u.getUsed();
            }
        }
        return sum;
    }

    /** The heap limit ({@code -Xmx}), in bytes. */
    public static long max() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
    }

    /** "JVM heap: peak … MB in use, … MB live after collection (max … MB)". */
    public String line() {
        return String.format(
                java.util.Locale.ROOT,
                "JVM heap: peak %,d MB in use, %,d MB live after collection (max %,d MB)",
                peakUsed() >> 20,
                peakAfterCollection() >> 20,
                max() >> 20);
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
