package org.siarchive.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.siarchive.shared.Labelled;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * Every value of every enum that people see has a label in both bundles (docs/adr/0056): the enums marked
 * {@link Labelled} (found on the class path) and those labelled under an older key convention (listed).
 */
class LabelBundlesTest {

    /** Enums shown under keys older than {@code enum.<SimpleName>.<NAME>}: the enum and its key of a value. */
    static final Map<Class<? extends Enum<?>>, Function<Enum<?>, String>> CONVENTIONS = Map.of(
            org.siarchive.security.Role.class, e -> "role." + e.name(),
            org.siarchive.catalog.ItemState.class, e -> "label.status." + e.name(),
            org.siarchive.checks.Outcome.class, e -> "checks.result." + e.name(),
            org.siarchive.checks.Stage.class, e -> "checks.stage." + e.name(),
            org.siarchive.lending.LoanRequestState.class, e -> "lending.status." + e.name(),
            org.siarchive.lending.PhysicalLoanState.class, e -> "lending.loanStatus." + e.name(),
            org.siarchive.audit.AuditOperation.class, e -> ((org.siarchive.audit.AuditOperation) e).labelKey(),
            org.siarchive.audit.AuditedObject.class, e -> ((org.siarchive.audit.AuditedObject) e).labelKey());

    @ParameterizedTest
    @ValueSource(strings = {"i18n/messages.properties", "i18n/messages_en.properties"})
    void everyShownEnumValueHasALabel(String bundle) throws Exception {
        var messages = load(bundle);
        var keys = new ArrayList<String>();
        CONVENTIONS.forEach(
                (type, key) -> Arrays.stream(type.getEnumConstants()).map(key).forEach(keys::add));
        for (Class<?> type : labelledEnums()) {
            for (Object value : type.getEnumConstants()) {
                keys.add(((Labelled) value).labelKey());
                assertThat(Labels.keyOf(value)).isEqualTo(((Labelled) value).labelKey());
            }
        }
        assertThat(keys).hasSizeGreaterThan(30);
        assertThat(keys).allSatisfy(key -> assertThat(messages.getProperty(key))
                .as(bundle + " " + key)
                .isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n/messages.properties", "i18n/messages_en.properties"})
    void theLabelsOfThisIssueAreInBothBundles(String bundle) throws Exception {
        var zh = load("i18n/messages.properties");
        var other = load(bundle);
        var missing = zh.stringPropertyNames().stream()
                .filter(k -> k.startsWith("enum.")
                        || k.startsWith("events.")
                        || k.startsWith("cert.")
                        || k.startsWith("objectType."))
                .filter(k -> other.getProperty(k) == null)
                .toList();
        assertThat(missing).as(bundle).isEmpty();
    }

    /** Every enum of the platform that implements {@link Labelled}. */
    static List<Class<?>> labelledEnums() throws ClassNotFoundException {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(Labelled.class));
        var out = new ArrayList<Class<?>>();
        for (var candidate : scanner.findCandidateComponents("org.siarchive")) {
            Class<?> type = Class.forName(candidate.getBeanClassName());
            if (type.isEnum()) {
                out.add(type);
            }
        }
        return out;
    }

    private static Properties load(String bundle) throws IOException {
        var messages = new Properties();
        try (var in = LabelBundlesTest.class.getClassLoader().getResourceAsStream(bundle)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return messages;
    }
}
