package org.siarchive.mining;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Planted co-missing materials are found as rules with the expected support, confidence and lift. */
class CoMissingTest {

    @Test
    void plantedCoMissingMaterialsBecomeRules() {
        var m = new CoMissing();
        // 200 items of TXSL: 60 lack A and B, 20 lack A only, 10 lack C only, 110 lack nothing
        plant(m, "TXSL", List.of("A", "B"), 60);
        plant(m, "TXSL", List.of("A"), 20);
        plant(m, "TXSL", List.of("C"), 10);
        plant(m, "TXSL", List.of(), 110);
        var rules = m.rules(0.02, 0.5);

        var bGivenA = rules.stream()
                .filter(r ->
                        r.antecedent().equals(List.of("A")) && r.consequent().equals(List.of("B")))
                .findFirst()
                .orElseThrow();
        assertThat(bGivenA.count()).isEqualTo(60);
        assertThat(bGivenA.support()).isCloseTo(60 / 200.0, within(1e-9));
        assertThat(bGivenA.confidence()).isCloseTo(60 / 80.0, within(1e-9));
        assertThat(bGivenA.lift()).isCloseTo((60 / 80.0) / (60 / 200.0), within(1e-9));
        var aGivenB = rules.stream()
                .filter(r -> r.antecedent().equals(List.of("B")))
                .findFirst()
                .orElseThrow();
        assertThat(aGivenB.confidence()).isEqualTo(1.0);
        assertThat(rules)
                .noneMatch(r -> r.antecedent().contains("C") || r.consequent().contains("C"));
    }

    @Test
    void minimumsAreApplied() {
        var m = new CoMissing();
        plant(m, "GSRD", List.of("X", "Y"), 3);
        plant(m, "GSRD", List.of("X"), 7);
        plant(m, "GSRD", List.of(), 90);
        assertThat(m.rules(0.05, 0.5)).isEmpty(); // support 3 % < 5 %
        assertThat(m.rules(0.02, 0.5)).extracting(CoMissing.Rule::antecedent).containsExactly(List.of("Y"));
        assertThat(m.rules(0.02, 0.2)).hasSize(2); // X → Y at 30 % now too
    }

    @Test
    void stepsAreSeparateBasketsAndLargerSetsAreFound() {
        var m = new CoMissing();
        plant(m, "S1", List.of("A", "B", "C"), 40);
        plant(m, "S1", List.of(), 60);
        plant(m, "S2", List.of("A"), 100);
        var rules = m.rules(0.1, 0.9);
        assertThat(rules).allMatch(r -> r.step().equals("S1"));
        assertThat(rules)
                .anyMatch(r -> r.antecedent().equals(List.of("A", "B"))
                        && r.consequent().equals(List.of("C")));
        assertThat(rules).allMatch(r -> Math.abs(r.support() - 0.4) < 1e-9);
    }

    @Test
    void distinctSetsAreBounded() {
        var m = new CoMissing();
        int items = 1 << 18; // every item its own combination of 18 materials: more than the bound
        for (int i = 1; i < items; i++) {
            var missing = new java.util.ArrayList<String>();
            for (int b = 0; b < 18; b++) {
                if ((i & (1 << b)) != 0) {
                    missing.add("M" + b);
                }
            }
            m.add("S", missing);
        }
        assertThat(m.dropped()).isEqualTo(items - 1 - CoMissing.MAX_DISTINCT);
    }

    private static void plant(CoMissing m, String step, List<String> missing, int times) {
        for (int i = 0; i < times; i++) {
            m.add(step, missing);
        }
    }
}
