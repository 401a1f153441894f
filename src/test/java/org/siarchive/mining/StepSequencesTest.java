package org.siarchive.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Planted step sequences per person are found as transitions with counts, support, confidence and median days. */
class StepSequencesTest {

    @Test
    void plantedSequencesBecomeTransitions() {
        var s = new StepSequences();
        long day = 19_000;
        // 30 persons: 个人参保登记 → 30 days → 补缴 → 10·k days → 退休待遇申领; added out of order
        for (int p = 1; p <= 30; p++) {
            s.add(p, "TXSL", day + 30 + 10 * p);
            s.add(p, "GRCB", day);
            s.add(p, "JFBJ", day + 30);
        }
        // 10 persons: 个人参保登记 → 60 days → 退休待遇申领
        for (int p = 31; p <= 40; p++) {
            s.add(p, "GRCB", day);
            s.add(p, "TXSL", day + 60);
        }
        // a person with one item only adds nothing
        s.add(41, "SWDY", day);
        var transitions = s.transitions();

        var first = transitions.get(0);
        assertThat(first.from()).isIn("GRCB", "JFBJ");
        var grcbJfbj = find(s.transitions(), "GRCB", "JFBJ");
        assertThat(grcbJfbj.count()).isEqualTo(30);
        assertThat(grcbJfbj.confidence()).isCloseTo(30 / 40.0, within(1e-9));
        assertThat(grcbJfbj.support()).isCloseTo(30 / 70.0, within(1e-9));
        assertThat(grcbJfbj.medianDays()).isEqualTo(30);
        var jfbjTxsl = find(transitions, "JFBJ", "TXSL");
        assertThat(jfbjTxsl.count()).isEqualTo(30);
        assertThat(jfbjTxsl.confidence()).isEqualTo(1.0);
        assertThat(jfbjTxsl.medianDays()).isEqualTo(155); // gaps 10 … 300, median of 30 values
        assertThat(find(transitions, "GRCB", "TXSL").count()).isEqualTo(10);
        assertThat(transitions).noneMatch(t -> t.from().equals("SWDY") || t.to().equals("SWDY"));
        assertThat(s.size()).isEqualTo(30 * 3 + 10 * 2 + 1);
    }

    @Test
    void personsOutOfRangeAreSkippedNotMisread() {
        var s = new StepSequences();
        s.add(StepSequences.MAX_PERSON + 1, "A", 19_000);
        s.add(-1, "A", 19_000);
        s.add(1, "A", 70_000);
        assertThat(s.size()).isZero();
        assertThat(s.skipped()).isEqualTo(3);
    }

    private static StepSequences.Transition find(java.util.List<StepSequences.Transition> all, String from, String to) {
        return all.stream()
                .filter(t -> t.from().equals(from) && t.to().equals(to))
                .findFirst()
                .orElseThrow();
    }
}
