package org.siarchive.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * normalize and problem without regular expressions (issue 17 performance) answer exactly what the pattern
 * {@code \d{17}[\dX]} and an unconditional upper-casing answered, on random near-ID strings.
 */
class CitizenIdNumberFastPathTest {

    private static final String ALPHABET = "0123456789xXa Zé１ß\t";

    @Test
    void sameAnswersAsThePatternOnRandomStrings() {
        var r = new Random(17);
        var today = LocalDate.of(2026, 11, 30);
        for (int i = 0; i < 200_000; i++) {
            String s = candidate(r);
            assertThat(CitizenIdNumber.normalize(s)).as(s).isEqualTo(reference(s));
            assertThat(CitizenIdNumber.problem(s, today)).as(s).isEqualTo(referenceProblem(s, today));
        }
    }

    private static String candidate(Random r) {
        var b = new StringBuilder();
        int len = r.nextInt(4) == 0 ? r.nextInt(22) : (r.nextBoolean() ? 18 : 15);
        for (int i = 0; i < len; i++) {
            b.append(r.nextInt(6) == 0 ? ALPHABET.charAt(r.nextInt(ALPHABET.length())) : (char) ('0' + r.nextInt(10)));
        }
        return b.toString();
    }

    private static String reference(String raw) {
        String id = raw.strip().toUpperCase(Locale.ROOT);
        if (id.length() == 15 && id.chars().allMatch(Character::isDigit)) {
            String first17 = id.substring(0, 6) + "19" + id.substring(6);
            return first17 + CitizenIdNumber.checkChar(first17);
        }
        return id;
    }

    private static Optional<CitizenIdNumber.Problem> referenceProblem(String raw, LocalDate today) {
        String id = reference(raw);
        if (!id.matches("\\d{17}[\\dX]")) {
            return Optional.of(CitizenIdNumber.Problem.FORMAT);
        }
        Optional<LocalDate> birth = CitizenIdNumber.birthDate(id);
        if (birth.isEmpty() || birth.get().isAfter(today) || birth.get().getYear() < 1850) {
            return Optional.of(CitizenIdNumber.Problem.BIRTH_DATE);
        }
        if (CitizenIdNumber.checkChar(id.substring(0, 17)) != id.charAt(17)) {
            return Optional.of(CitizenIdNumber.Problem.CHECKSUM);
        }
        return Optional.empty();
    }
}
