package org.siarchive;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasOwner;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.siarchive.support.ProductionClasses;

/**
 * The design's "never" arrows (architecture.md §2, docs/adr/0038) as ArchUnit rules. The exact graph is in each
 * module's {@code allowedDependencies} and checked by {@link ModuleStructureTest}; these rules hold whatever that
 * list becomes: a new edge that breaks the design fails here even if someone allows it there.
 */
class ArchitectureRulesTest {

    private static final String ROOT = "org.siarchive";

    private static final JavaClasses CLASSES = ProductionClasses.get();

    /**
     * The low modules and all they may know. They know no business module; {@code platform} (data directory,
     * embedded PostgreSQL, log redaction) sits with them: crypto and preservation find their files through it, and
     * it masks ID numbers in log lines with quality's pure GB 11643 check character rather than a second copy.
     */
    static final Map<String, Set<String>> LOW_MODULES = Map.of(
            "shared", Set.of(),
            "quality", Set.of("shared"),
            "platform", Set.of("shared", "quality"),
            "crypto", Set.of("shared", "platform"),
            // node ids, heartbeats and job locks (issue 21): what several nodes agree on, below every business module
            "cluster", Set.of("shared", "platform"),
            // preservation's digests go through crypto's one door to SM3 and libcrypto (docs/adr/0113)
            "preservation", Set.of("shared", "platform", "crypto"));

    /** Business modules that must not know the named modules, whatever their allowed dependencies say. */
    static final Map<String, Set<String>> NEVER_KNOWS = Map.of(
            // catalog is what the others build on; design: it talks to security (here organisation) only
            "catalog",
            Set.of(
                    "capture",
                    "search",
                    "lending",
                    "digitisation",
                    "transfer",
                    "certificates",
                    "checks",
                    "integrity",
                    "backup",
                    "demo",
                    "preservation",
                    "quality"),
            // search is a derived read model fed by catalogue events
            "search",
            Set.of(
                    "capture",
                    "digitisation",
                    "transfer",
                    "lending",
                    "certificates",
                    "checks",
                    "integrity",
                    "backup",
                    "demo"),
            // capture files items; checks and the modules above capture react to it
            "capture",
            Set.of(
                    "checks",
                    "search",
                    "lending",
                    "digitisation",
                    "transfer",
                    "certificates",
                    "integrity",
                    "backup",
                    "demo"));

    @TestFactory
    Stream<DynamicTest> lowModulesKnowNoBusinessModule() {
        return new TreeMap<>(LOW_MODULES)
                .entrySet().stream()
                        .map(low -> DynamicTest.dynamicTest(
                                low.getKey() + " knows only " + new TreeSet<>(low.getValue()), () -> {
                                    String[] known = Stream.concat(Stream.of(low.getKey()), low.getValue().stream())
                                            .map(ArchitectureRulesTest::pkg)
                                            .toArray(String[]::new);
                                    noClasses()
                                            .that()
                                            .resideInAPackage(pkg(low.getKey()))
                                            .should()
                                            .dependOnClassesThat(resideInAPackage(ROOT + "..")
                                                    .and(not(resideInAnyPackage(known))))
                                            .as("low module " + low.getKey() + " knows only "
                                                    + new TreeSet<>(low.getValue()))
                                            .check(CLASSES);
                                }));
    }

    @TestFactory
    Stream<DynamicTest> businessModulesRespectTheNeverArrows() {
        return new TreeMap<>(NEVER_KNOWS)
                .entrySet().stream()
                        .map(rule -> DynamicTest.dynamicTest(
                                rule.getKey() + " never knows " + new TreeSet<>(rule.getValue()), () -> {
                                    String[] forbidden = rule.getValue().stream()
                                            .sorted()
                                            .map(ArchitectureRulesTest::pkg)
                                            .toArray(String[]::new);
                                    noClasses()
                                            .that()
                                            .resideInAPackage(pkg(rule.getKey()))
                                            .should()
                                            .dependOnClassesThat()
                                            .resideInAnyPackage(forbidden)
                                            .as(rule.getKey() + " never knows " + new TreeSet<>(rule.getValue()))
                                            .check(CLASSES);
                                }));
    }

    @Test
    void nothingDependsOnWebOrDemo() {
        noClasses()
                .that()
                .resideOutsideOfPackage(pkg("web"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("web"))
                .as("nothing depends on web")
                .check(CLASSES);
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".*..")
                .and()
                .resideOutsideOfPackage(pkg("demo"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("demo"))
                .as("no module depends on demo (the jar's main method starts its command)")
                .check(CLASSES);
    }

    /**
     * analytics listens to the business modules' events (docs/adr/0047): a business module that used it would close a
     * cycle through its own events. Only the modules that report on its figures — the annual report, supervision and
     * data mining (docs/adr/0085) — may read them, and nothing depends on those.
     */
    @Test
    void onlyReportingModulesDependOnAnalytics() {
        noClasses()
                .that()
                .resideOutsideOfPackages(pkg("analytics"), pkg("reporting"), pkg("supervision"), pkg("mining"))
                .should()
                .dependOnClassesThat()
                .resideInAPackage(pkg("analytics"))
                .as("only reporting, supervision and mining depend on analytics")
                .check(CLASSES);
    }

    /** Moved here from ModuleStructureTest.qualityAndPreservationStayLowLevel: quality is pure. */
    @Test
    void qualityReadsNoTables() {
        noClasses()
                .that()
                .resideInAPackage(pkg("quality"))
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "javax.sql..")
                .check(CLASSES);
    }

    /**
     * Every SM3 goes through crypto's one door (docs/adr/0113), so the switch between OpenSSL's libcrypto and Java
     * reaches it: only {@code crypto.Sm3} makes BouncyCastle's SM3.
     */
    static final ArchRule ONE_DOOR_TO_SM3 = noClasses()
            .that()
            .doNotHaveFullyQualifiedName(ROOT + ".crypto.Sm3")
            .should()
            .callConstructorWhere(JavaCall.Predicates.target(
                    HasOwner.Predicates.With.owner(JavaClass.Predicates.assignableTo(SM3Digest.class))))
            .as("only crypto.Sm3 makes BouncyCastle's SM3 (new SM3Digest())");

    @Test
    void onlySm3MakesBouncyCastlesSm3() {
        ONE_DOOR_TO_SM3.check(CLASSES);
    }

    @Test
    void theOneDoorRuleCatchesAnSm3MadeElsewhere() {
        var elsewhere = new ClassFileImporter().importClasses(Sm3MadeElsewhere.class);
        assertThatThrownBy(() -> ONE_DOOR_TO_SM3.check(elsewhere)).isInstanceOf(AssertionError.class);
    }

    /** What the rule forbids: a class of its own hashing with BouncyCastle's SM3, past the switch. */
    static final class Sm3MadeElsewhere {
        static byte[] digest(byte[] b) {
            var d = new SM3Digest();
            d.update(b, 0, b.length);
            byte[] out = new byte[32];
            d.doFinal(out, 0);
            return out;
        }
    }

    /** Events published one per item, and the event a group commit or batch publishes for many (docs/adr/0127). */
    static final Map<Class<?>, Class<?>> GROUPED_EVENTS = Map.of(
            org.siarchive.catalog.ItemCaptured.class, org.siarchive.catalog.ItemsCaptured.class,
            org.siarchive.checks.CheckRunFinished.class, org.siarchive.checks.CheckRunsFinished.class);

    /**
     * A class that listens to one capture ({@code ItemCaptured}) or one check run must also listen to a group's
     * ({@code ItemsCaptured}, {@code CheckRunsFinished}), or batches and grouped singles would pass it by; the
     * listeners of a class are its methods with the event as their one parameter.
     */
    static Set<String> capturesMissedByGroups(JavaClasses classes) {
        var missing = new TreeSet<String>();
        for (var c : classes) {
            GROUPED_EVENTS.forEach((single, group) -> {
                if (listensTo(c, single) && !listensTo(c, group)) {
                    missing.add(c.getName() + " hears " + single.getSimpleName() + ", not " + group.getSimpleName());
                }
            });
        }
        return missing;
    }

    private static boolean listensTo(JavaClass c, Class<?> event) {
        return c.getMethods().stream()
                .filter(m -> m.getRawParameterTypes().size() == 1
                        && m.getRawParameterTypes().get(0).isEquivalentTo(event))
                .anyMatch(m -> m.isAnnotatedWith(org.springframework.modulith.events.ApplicationModuleListener.class)
                        || m.isAnnotatedWith(org.springframework.transaction.event.TransactionalEventListener.class));
    }

    @Test
    void everyListenerOfACaptureAlsoListensToAGroupsCaptures() {
        org.assertj.core.api.Assertions.assertThat(capturesMissedByGroups(CLASSES))
                .as("listeners of an item's event without one of the group's")
                .isEmpty();
        var missed = new ClassFileImporter().importClasses(SinglesOnly.class);
        org.assertj.core.api.Assertions.assertThat(capturesMissedByGroups(missed))
                .as("the rule catches a listener of single captures and check runs only")
                .containsExactlyInAnyOrder(
                        SinglesOnly.class.getName() + " hears ItemCaptured, not ItemsCaptured",
                        SinglesOnly.class.getName() + " hears CheckRunFinished, not CheckRunsFinished");
    }

    /** What the rule forbids: a listener that hears single captures and not a group's. */
    static final class SinglesOnly {
        @org.springframework.modulith.events.ApplicationModuleListener
        void on(org.siarchive.catalog.ItemCaptured e) {
            // nothing: only its shape matters
        }

        @org.springframework.transaction.event.TransactionalEventListener
        void on(org.siarchive.checks.CheckRunFinished e) {
            // nothing: only its shape matters
        }
    }

    private static String pkg(String module) {
        return ROOT + "." + module + "..";
    }
}
