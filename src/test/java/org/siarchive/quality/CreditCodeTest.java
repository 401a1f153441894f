package org.siarchive.quality;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CreditCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"91350100M000100Y43", "91510100MA6CK0W1XJ", "123301004A0B1C2D3D", "91350100m000100y43"})
    void acceptsValidCodesOfGb32100(String code) {
        assertThat(CreditCode.problem(code)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "91350100M000100Y44, CHECKSUM",
        "91350100M000100Y53, ORGANISATION_CODE", // embedded GB 11714 check character broken
        "91350100M0001O0Y43, FORMAT", // letter O is not in the 31-character set
        "9135010M000100Y43, FORMAT"
    })
    void namesWhatIsWrongWithAnInvalidCode(String code, CreditCode.Problem expected) {
        assertThat(CreditCode.problem(code)).contains(expected);
    }

    @ParameterizedTest
    @CsvSource({"D2143569, X", "M000100Y, 4", "MA6CK0W1, X"})
    void computesTheOrganisationCodeCheckWithItsOwnLetterValues(String body, char check) {
        assertThat(CreditCode.organisationCheckChar(body)).isEqualTo(check);
    }
}
