package org.siarchive.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Log redaction masks valid citizen ID numbers and leaves every other number alone. */
class RedactedMessageConverterTest {

    @Test
    void masksTheBirthDateOfAValidIdNumber() {
        assertThat(RedactedMessageConverter.redact("Invalid character [/search?q=11010519491231002X|{}]"))
                .isEqualTo("Invalid character [/search?q=110105********002X|{}]");
    }

    @Test
    void leavesNumbersWithAWrongCheckCharacterAndLongerNumbersAlone() {
        assertThat(RedactedMessageConverter.redact("id 110105194912310021 acct 6222020200112233445"))
                .isEqualTo("id 110105194912310021 acct 6222020200112233445");
    }
}
