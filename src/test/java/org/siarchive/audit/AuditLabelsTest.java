package org.siarchive.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every audited object type and operation has a label people read, in Chinese and in English. */
class AuditLabelsTest {

    @ParameterizedTest
    @ValueSource(strings = {"i18n/messages.properties", "i18n/messages_en.properties"})
    void everyObjectTypeAndOperationHasALabel(String bundle) throws IOException {
        var messages = new Properties();
        try (var in = getClass().getClassLoader().getResourceAsStream(bundle)) {
            messages.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        var keys = Stream.concat(
                        Stream.of(AuditedObject.values()).map(AuditedObject::labelKey),
                        Stream.of(AuditOperation.values()).map(AuditOperation::labelKey))
                .toList();
        assertThat(keys).allSatisfy(key -> assertThat(messages.getProperty(key))
                .as(bundle + " " + key)
                .isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"CAPTURE", "READ", "LOAN_DOWNLOAD"})
    void anEntryKnowsItsTypedOperation(String stored) {
        var entry = new AuditTrail.Entry(
                1,
                1L,
                java.time.OffsetDateTime.now(),
                "a",
                null,
                null,
                null,
                "ITEM",
                "x",
                stored,
                "SUCCESS",
                null,
                null);
        assertThat(entry.typedOperation()).contains(AuditOperation.valueOf(stored));
        assertThat(entry.is(AuditOperation.valueOf(stored))).isTrue();
    }
}
