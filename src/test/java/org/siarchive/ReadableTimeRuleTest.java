package org.siarchive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.text.DateFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ProductionClasses;

/**
 * People read time in one configurable zone, and only {@code shared.ReadableTime} knows it: code elsewhere
 * that asks the machine for its zone, reads a wall clock without a zone, names a zone of its own or formats
 * a {@link Date} fails the build (docs/adr/0035). Instants (Instant.now, OffsetDateTime at UTC) stay free.
 */
class ReadableTimeRuleTest {

    static final String HELPER = "org.siarchive.shared.ReadableTime";

    private static JavaClasses imported;

    /**
     * Production classes, imported once for all the rules; the system property lets the rule be pointed at another
     * build's classes.
     */
    static synchronized JavaClasses production() {
        if (imported == null) {
            imported = importProduction();
        }
        return imported;
    }

    private static JavaClasses importProduction() {
        String dir = System.getProperty("readable-time.classes");
        if (dir == null) {
            return ProductionClasses.get();
        }
        return new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPath(java.nio.file.Path.of(dir));
    }

    @Test
    void noCodeAsksTheMachineForItsZone() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(HELPER)
                .should()
                .callMethod(ZoneId.class, "systemDefault")
                .orShould()
                .callMethod(TimeZone.class, "getDefault")
                .orShould()
                .callMethod(Clock.class, "systemDefaultZone")
                .because("the zone people read is the setting siarchive.time-zone, not the server's zone")
                .check(production());
    }

    @Test
    void noCodeReadsAWallClockWithoutAZone() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(HELPER)
                .should()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalTime.class, "now")
                .orShould()
                .callMethod(ZonedDateTime.class, "now")
                .because("today and now as people read them come from ReadableTime (or a Clock bean made from it)")
                .check(production());
    }

    @Test
    void noCodeNamesAZoneOfItsOwn() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(HELPER)
                .should()
                .callMethod(ZoneId.class, "of", String.class)
                .orShould()
                .callMethod(ZoneOffset.class, "ofHours", int.class)
                .orShould()
                .callMethod(ZoneOffset.class, "of", String.class)
                .because("a private Asia/Shanghai or +08:00 is a second place for one rule")
                .check(production());
    }

    @Test
    void noCodeFormatsDatesTheLegacyWay() {
        noClasses()
                .that()
                .doNotHaveFullyQualifiedName(HELPER)
                .should()
                .callMethod(Date.class, "toString")
                .orShould()
                .dependOnClassesThat()
                .areAssignableTo(DateFormat.class)
                .because("Date.toString and SimpleDateFormat print in the machine's zone")
                .check(production());
    }

    /**
     * Tests ask for today as the platform counts it, too: a test that takes the machine's date fails for the
     * eight hours a day in which UTC and Beijing dates differ (a CI run at 00:25 Beijing time filed a list
     * "before" the day it was generated).
     */
    @Test
    void noTestReadsTheMachinesCalendar() {
        var tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("org.siarchive");
        noClasses()
                .should()
                .callMethod(LocalDate.class, "now")
                .orShould()
                .callMethod(LocalDateTime.class, "now")
                .orShould()
                .callMethod(YearMonth.class, "now")
                .orShould()
                .callMethod(Year.class, "now")
                .because(
                        "tests take today from ReadableTime.beijing() (or the context's ReadableTime), as the platform does")
                .check(tests);
    }
}
