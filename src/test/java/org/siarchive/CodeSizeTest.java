package org.siarchive;

import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.StaticJavaParser;
import com.github.javaparser.ast.body.CallableDeclaration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

/**
 * One-screen classes (style.md §5): no source file in main code over {@value #MAX_CLASS} lines and no method
 * or constructor over {@value #MAX_METHOD} lines. Prints the median, p90 and max of both so a review can compare.
 */
class CodeSizeTest {

    static final int MAX_CLASS = 300;
    static final int MAX_METHOD = 60;
    private static final Path MAIN = Path.of("src/main/java");

    record Size(String name, int lines) {}

    @Test
    void noClassOrMethodIsLargerThanOneScreenAllows() throws IOException {
        var classes = new ArrayList<Size>();
        var methods = new ArrayList<Size>();
        measure(classes, methods);
        System.out.println(figures("classes", classes));
        System.out.println(figures("methods", methods));
        var softly = new SoftAssertions();
        softly.assertThat(classes)
                .as("source files over %d lines", MAX_CLASS)
                .filteredOn(s -> s.lines() > MAX_CLASS)
                .isEmpty();
        softly.assertThat(methods)
                .as("methods over %d lines", MAX_METHOD)
                .filteredOn(s -> s.lines() > MAX_METHOD)
                .isEmpty();
        softly.assertAll();
    }

    static void measure(List<Size> classes, List<Size> methods) throws IOException {
        StaticJavaParser.getParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17);
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.getFileName().toString().equals("package-info.java")) {
                    continue;
                }
                var unit = StaticJavaParser.parse(file);
                String name = MAIN.relativize(file).toString();
                // the whole file, imports and comments included: what a reader scrolls through
                classes.add(new Size(name, Files.readAllLines(file).size()));
                unit.findAll(CallableDeclaration.class).forEach(m -> {
                    if (m.getRange().isPresent()) {
                        methods.add(new Size(name + "#" + m.getNameAsString(), lines(m)));
                    }
                });
            }
        }
    }

    private static int lines(com.github.javaparser.ast.Node node) {
        var r = node.getRange().orElseThrow();
        return r.end.line - r.begin.line + 1;
    }

    static String figures(String what, List<Size> sizes) {
        int[] sorted = sizes.stream().mapToInt(Size::lines).sorted().toArray();
        var largest = sizes.stream()
                .sorted((a, b) -> b.lines() - a.lines())
                .limit(5)
                .map(s -> s.name() + "=" + s.lines())
                .toList();
        return "%s: n=%d median=%d p90=%d max=%d largest=%s"
                .formatted(
                        what,
                        sorted.length,
                        sorted[sorted.length / 2],
                        sorted[(int) Math.ceil(sorted.length * 0.9) - 1],
                        sorted[sorted.length - 1],
                        largest);
    }
}
