package org.siarchive.capture;

import java.util.Set;
import java.util.stream.Collectors;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Classification;
import org.siarchive.quality.ReferenceFacts;
import org.springframework.stereotype.Component;

/** Translates the catalogue's classification into the facts {@code quality} checks against. */
@Component
class SubmissionFacts {

    private final Catalog catalog;

    SubmissionFacts(Catalog catalog) {
        this.catalog = catalog;
    }

    ReferenceFacts current() {
        var c = catalog.classification();
        var steps = c.steps().stream().collect(Collectors.toMap(Classification.Step::code, SubmissionFacts::facts));
        return new ReferenceFacts(
                c.fonds().keySet(),
                steps,
                c.insuranceTypes().keySet(),
                c.certTypes().keySet(),
                c.securityLevels().keySet());
    }

    private static ReferenceFacts.StepFacts facts(Classification.Step s) {
        Set<String> allowed =
                s.materials().stream().map(Classification.StepMaterial::code).collect(Collectors.toSet());
        Set<String> required = s.materials().stream()
                .filter(Classification.StepMaterial::required)
                .map(Classification.StepMaterial::code)
                .collect(Collectors.toSet());
        return new ReferenceFacts.StepFacts(s.code(), ReferenceFacts.Subject.valueOf(s.subject()), allowed, required);
    }
}
