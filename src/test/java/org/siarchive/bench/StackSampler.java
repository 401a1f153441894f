package org.siarchive.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A poor man's profiler for a benchmark run ({@code -Dbench.profile=true}): every 100 ms the stacks of the server's
 * request threads are read; the most frequent top frames (the first 14 frames of a busy thread) are printed, so a run
 * shows where its requests spend their time, waiting included.
 */
final class StackSampler implements AutoCloseable {

    private final Map<String, Integer> counts = new HashMap<>();
    private final Thread sampler;
    private int samples;

    StackSampler(String threadPrefix) {
        sampler = new Thread(
                () -> {
                    while (!Thread.currentThread().isInterrupted()) {
                        sample(threadPrefix);
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

    private synchronized void sample(String prefix) {
        samples++;
        Thread.getAllStackTraces().forEach((t, stack) -> {
            if (!t.getName().startsWith(prefix) || stack.length == 0) {
                return;
            }
            String top = stack[0].getClassName() + "." + stack[0].getMethodName();
            if (top.contains("NioEndpoint") || top.contains("LinkedBlockingQueue") || top.contains("TaskQueue")) {
                return;
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
