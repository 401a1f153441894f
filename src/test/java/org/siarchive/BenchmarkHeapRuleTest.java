package org.siarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every benchmark prints the JVM's peak heap through {@code bench.PeakHeap}, the one place that reads it (issue 20):
 * a test class tagged {@code bench} that never calls {@code PeakHeap.watch()} fails the build, and so does a
 * benchmark that samples the heap itself through {@code getHeapMemoryUsage}.
 */
class BenchmarkHeapRuleTest {

    static final Path TESTS = Path.of("src/test/java");
    private static final Pattern BENCH_TAG = Pattern.compile("@Tag\\(\\s*\"bench\"\\s*\\)");

    @Test
    void everyBenchmarkPrintsItsPeakHeapThroughPeakHeap() throws IOException {
        var benchmarks = benchmarks();
        assertThat(benchmarks).as("benchmarks found under " + TESTS).hasSizeGreaterThan(10);
        var offenders = benchmarks.stream()
                .filter(p -> !followsTheRule(read(p)))
                .map(p -> TESTS.relativize(p).toString())
                .toList();
        assertThat(offenders)
                .as("benchmarks that do not print their peak heap with bench.PeakHeap (or sample it themselves)")
                .isEmpty();
    }

    @Test
    void theRuleTellsABenchmarkWithoutPeakHeapFromOneWithIt() {
        String head = "@Tag(\"bench\")\nclass SomeBenchmark {\n";
        assertThat(followsTheRule(head + "void run() { System.out.println(\"rate\"); }\n}"))
                .isFalse();
        assertThat(followsTheRule(head
                        + "void run() { var m = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();"
                        + " try (var heap = PeakHeap.watch()) { }\n}"))
                .as("a second, private sampler beside PeakHeap")
                .isFalse();
        assertThat(followsTheRule(head + "void run() { try (var heap = PeakHeap.watch()) { line(heap.line()); } }\n}"))
                .isTrue();
        assertThat(isBenchmark("class SomeTest {}")).isFalse();
        assertThat(isBenchmark(head + "}")).isTrue();
    }

    static boolean isBenchmark(String source) {
        return BENCH_TAG.matcher(source).find();
    }

    static boolean followsTheRule(String source) {
        return source.contains("PeakHeap.watch(") && !source.contains("getHeapMemoryUsage");
    }

    private static List<Path> benchmarks() throws IOException {
        try (Stream<Path> files = Files.walk(TESTS)) {
            return files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> isBenchmark(read(p)))
                    .sorted()
                    .toList();
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
