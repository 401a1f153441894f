package org.siarchive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.DependencyType;
import org.springframework.modulith.docs.Documenter;

/**
 * The module boundaries are part of the build: a cycle, a dependency a module does not declare in its
 * {@code allowedDependencies}, or a reach into another module's internals fails it (docs/adr/0038). The design's
 * "never" arrows are in {@link ArchitectureRulesTest}, table ownership in {@link TableOwnershipTest}.
 */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(SiArchiveApplication.class);

    private static final Path README = Path.of("README.md");
    static final String BEGIN = "<!-- modules:begin -->";
    static final String END = "<!-- modules:end -->";

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void writesTheModuleMap() {
        new Documenter(MODULES).writeModulesAsPlantUml();
    }

    /**
     * README.md shows the module graph as it is in the code, as Mermaid (GitHub renders it; PlantUML it does not).
     * When stale this fails with the expected text; {@code -Dmodules.write=true} writes it into README.md.
     */
    @Test
    void readmeShowsTheCurrentModuleGraph() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertThat(begin).as("README.md has the markers %s … %s", BEGIN, END).isNotNegative();
        assertThat(end).as("README.md has the markers %s … %s", BEGIN, END).isGreaterThan(begin);
        String expected = "\n" + mermaid() + END;
        String current = readme.substring(begin + BEGIN.length(), end + END.length());
        if (Boolean.getBoolean("modules.write") && !current.equals(expected)) {
            Files.writeString(
                    README,
                    readme.substring(0, begin + BEGIN.length()) + expected + readme.substring(end + END.length()),
                    StandardCharsets.UTF_8);
            return;
        }
        assertThat(current)
                .as("the module graph in README.md is stale: run this test with -Dmodules.write=true")
                .isEqualTo(expected);
    }

    /**
     * One node per module, the low modules grouped; an arrow per module dependency, labelled "listens" when the
     * module listens to the other's events, dotted when that is all it does with it.
     */
    static String mermaid() {
        var out = new StringBuilder("```mermaid\nflowchart TB\n");
        out.append("    subgraph low [\"low level: knows no business module\"]\n");
        MODULES.stream()
                .map(ApplicationModule::getIdentifier)
                .map(Object::toString)
                .filter(ArchitectureRulesTest.LOW_MODULES::containsKey)
                .sorted()
                .forEach(name -> out.append("        ").append(name).append('\n'));
        out.append("    end\n");
        var edges = new TreeSet<String>();
        for (ApplicationModule module : MODULES) {
            String from = module.getIdentifier().toString();
            Set<String> calls = targets(
                    module, DependencyType.allBut(DependencyType.EVENT_LISTENER).toArray(DependencyType[]::new));
            Set<String> listens = targets(module, DependencyType.EVENT_LISTENER);
            calls.forEach(to -> edges.add("    " + from + (listens.contains(to) ? " -->|listens| " : " --> ") + to));
            listens.stream()
                    .filter(to -> !calls.contains(to))
                    .forEach(to -> edges.add("    " + from + " -. listens .-> " + to));
        }
        edges.forEach(e -> out.append(e).append('\n'));
        return out.append("```\n").toString();
    }

    private static Set<String> targets(ApplicationModule module, DependencyType... types) {
        return module.getDirectDependencies(MODULES, types).stream()
                .map(ApplicationModuleDependency::getTargetModule)
                .filter(target -> !target.equals(module))
                .map(target -> target.getIdentifier().toString())
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
