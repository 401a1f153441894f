package org.siarchive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** The module boundaries are part of the build: a cycle or a reach into another module's internals fails it. */
class ModuleStructureTest {

    private static final ApplicationModules MODULES = ApplicationModules.of(SiArchiveApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        MODULES.verify();
    }

    @Test
    void qualityAndPreservationStayLowLevel() {
        var classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.siarchive");
        noClasses()
                .that()
                .resideInAnyPackage("org.siarchive.quality..", "org.siarchive.preservation..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.siarchive.catalog..",
                        "org.siarchive.capture..",
                        "org.siarchive.search..",
                        "org.siarchive.web..")
                .check(classes);
        noClasses()
                .that()
                .resideInAPackage("org.siarchive.quality..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.springframework.jdbc..", "javax.sql..")
                .check(classes);
    }

    @Test
    void writesTheModuleMap() {
        new Documenter(MODULES).writeModulesAsPlantUml();
    }
}
