package org.siarchive.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormErrorsTest {

    final FormErrors errors = FormErrors.of(new InvalidInputException(List.of(
            Violation.of("purpose", "required"),
            Violation.of("person.certNo", "citizenId.CHECKSUM"),
            Violation.of("files[1]", "emptyFile"))));

    @Test
    void findsTheErrorsOfAFieldAndItsParts() {
        assertThat(errors.count()).isEqualTo(3);
        assertThat(errors.has("purpose")).isTrue();
        assertThat(errors.has("person")).isTrue();
        assertThat(errors.has("files")).isTrue();
        assertThat(errors.has("purp")).isFalse();
        assertThat(errors.on("person")).extracting(Violation::rule).containsExactly("citizenId.CHECKSUM");
        assertThat(FormErrors.none().isEmpty()).isTrue();
    }

    @Test
    void renamesViolationFieldsToInputNames() {
        var renamed = errors.renamed(Map.of("person.certNo", "personCertNo"));
        assertThat(renamed.has("personCertNo")).isTrue();
        assertThat(renamed.has("person")).isFalse();
        assertThat(renamed.on("personCertNo").get(0).messageKey()).isEqualTo("rule.citizenId.CHECKSUM");
    }
}
