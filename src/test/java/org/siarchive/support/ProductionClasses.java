package org.siarchive.support;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The platform's production classes as the rule tests read them, imported once per test JVM: each rule test
 * used to import the whole code base again (several seconds each on two cores).
 */
public final class ProductionClasses {

    private static JavaClasses imported;

    private ProductionClasses() {}

    public static synchronized JavaClasses get() {
        if (imported == null) {
            imported = new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("org.siarchive");
        }
        return imported;
    }
}
