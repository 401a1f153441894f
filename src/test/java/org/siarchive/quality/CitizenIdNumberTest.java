package org.siarchive.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CitizenIdNumberTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @ParameterizedTest
    @ValueSource(
            strings = {
                "11010519491231002X", // the standard's own sample
                "510107198506121237",
                "44030619920229456X", // born on a leap day
                "330102200011300078",
                "650102197001010114",
                "11010519491231002x" // lower-case x is accepted and normalised
            })
    void acceptsValidNumbersOfGb11643(String id) {
        assertThat(CitizenIdNumber.problem(id, TODAY)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "110105194912310021, CHECKSUM",
        "510107198506121238, CHECKSUM",
        "44030619930229456X, BIRTH_DATE", // 1993 has no 29 February
        "110105204912310026, BIRTH_DATE", // born in the future
        "11010519491231002, FORMAT",
        "1101051949123100ZX, FORMAT",
        "'', FORMAT"
    })
    void namesWhatIsWrongWithAnInvalidNumber(String id, CitizenIdNumber.Problem expected) {
        assertThat(CitizenIdNumber.problem(id, TODAY)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"110105491231002, 11010519491231002X"})
    void upgradesLegacyFifteenDigitNumbers(String legacy, String upgraded) {
        assertThat(CitizenIdNumber.normalize(legacy)).isEqualTo(upgraded);
        assertThat(CitizenIdNumber.problem(legacy, TODAY)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"510107198506121237, 1", "11010519491231002X, 2", "44030619920229456X, 2"})
    void readsSexFromTheSequenceDigit(String id, String code) {
        assertThat(CitizenIdNumber.genderCode(id)).isEqualTo(code);
        assertThat(CitizenIdNumber.birthDate(id)).isPresent();
    }
}
