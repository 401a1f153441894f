package org.siarchive.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.function.Function;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;
import org.siarchive.crypto.Masks;

/**
 * The one-pass rewrite of personal numbers gives exactly what the three regular expressions give (ID numbers, then
 * phones, then long numbers, each a whole run of letters and digits), on hand-picked edges and on random text.
 */
class PersonalDigitsTest {

    static final Function<String, String> TOKEN =
            id -> "idx" + Integer.toHexString(id.toUpperCase().hashCode());

    @Test
    void edgesAreTreatedAsTheExpressionsTreatThem() {
        for (String text : new String[] {
            "公民身份号码11010519491231002X，电话13912345678，账号6222020200112233445。",
            "11010519491231002x",
            "110105491231002 旧证",
            "A11010519491231002X",
            "11010519491231002XA",
            "1101051949123100212",
            "110105194912310021X",
            "12345678901",
            "139123456789",
            "1391234567",
            "12312312312312",
            "x1391234567 13912345678y",
            "无号码",
            "",
        }) {
            assertThat(PersonalDigits.rewrite(text, TOKEN)).as(text).isEqualTo(byExpressions(text, TOKEN));
            assertThat(PersonalDigits.rewrite(text, Masks::idNumber))
                    .as(text)
                    .isEqualTo(byExpressions(text, Masks::idNumber));
        }
        assertThat(PersonalDigits.forDisplay("证号11010519491231002X")).isEqualTo("证号110105********002X");
    }

    @Test
    void randomTextIsRewrittenAsByTheExpressions() {
        var random = new Random(20);
        String alphabet = "0123456789012345678901234567890123456789Xxab 保险，。-";
        for (int round = 0; round < 20_000; round++) {
            var sb = new StringBuilder();
            int len = random.nextInt(60);
            for (int i = 0; i < len; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            assertThat(PersonalDigits.rewrite(text, TOKEN)).as(text).isEqualTo(byExpressions(text, TOKEN));
        }
    }

    @Test
    void theOracleItselfTellsADifference() {
        // the comparison can fail: a rewrite that missed the phone would differ from the expressions
        String text = "电话13912345678";
        assertThat(byExpressions(text, TOKEN)).isNotEqualTo(text);
    }

    /** The former implementation: three regular expressions, one after another. */
    static String byExpressions(String text, Function<String, String> id) {
        String ids = replace(PersonalDigits.ID.matcher(text), m -> id.apply(m.group(1)));
        String phones = replace(PersonalDigits.PHONE.matcher(ids), m -> Masks.phone(m.group()));
        return replace(
                PersonalDigits.LONG_DIGITS.matcher(phones),
                m -> "*".repeat(m.group().length() - 4)
                        + m.group().substring(m.group().length() - 4));
    }

    private static String replace(Matcher m, Function<Matcher, String> f) {
        var sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(f.apply(m)));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
