package org.siarchive.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A poor man's CPU profiler for a benchmark run ({@code -Dbench.profile=true}): every 100 ms the stacks of every
 * runnable thread of the JVM (server and load generator) are read, threads waiting on a socket left out; the most
 * frequent stacks (their first 14 frames) are printed, so a run shows where its CPU goes.
 */
final class StackSampler implements AutoCloseable {

    private final Map<String, Integer> counts = new HashMap<>();
    private final Thread sampler;
    private int samples;

    StackSampler() {
        sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        sample();
                        try {
                            Thread.sleep(100);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "stack-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    private synchronized void sample() {
        samples++;
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (stack.length == 0 || t == Thread.currentThread() || t.getState() != Thread.State.RUNNABLE) {
                return;
            }
            String top = stack[0].getClassName() + "." + stack[0].getMethodName();
            if (top.startsWith("sun.nio.ch.") || top.startsWith("java.net.")) {
                return; // waiting in the kernel for a socket: not CPU
            }
            var key = new StringBuilder();
            for (int i = 0; i < Math.min(14, stack.length); i++) {
                key.append("    ").append(stack[i]).append('\n');
            }
            counts.merge(key.toString(), 1, Integer::sum);
        });
    }

    synchronized String report(int top) {
        return "stack samples: " + samples + " (every 100 ms)\n"
                + counts.entrySet().stream()
                        .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                        .limit(top)
                        .map(e -> e.getValue() + " ×\n" + e.getKey())
                        .collect(Collectors.joining("\n"));
    }

    @Override
    public void close() {
        sampler.interrupt();
    }
}
