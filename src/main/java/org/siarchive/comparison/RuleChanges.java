package org.siarchive.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A person's change of a rule (COMPARISON_RUN): its enabled flag, its deadline or the values of parameters
 * its checks already have — never new sources, conditions or parameter names, which only a release of
 * {@code rules.json} brings. Every change is a new version, audited with the note given.
 */
@Component
public class RuleChanges {

    /** What to change; null leaves a value as it is. {@code params} holds one map per check, by position. */
    public record Change(
            @Nullable Boolean enabled,
            @Nullable Integer deadlineDays,
            @Nullable List<Map<String, Object>> params,
            @Nullable String note) {}

    private final RuleCatalogue catalogue;

    RuleChanges(RuleCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @Transactional
    public RuleCatalogue.Version change(String code, Change change, Access access) {
        var current = catalogue.latest(code).orElseThrow(() -> new NotFoundException("COMPARISON_RULE", code));
        String note = change.note() == null ? "" : change.note().strip();
        if (note.length() > 500) {
            throw new InvalidInputException(Violation.of("note", "maxLength", 500));
        }
        var rule = current.rule();
        var checks = new ArrayList<RuleDefinition.Check>();
        for (int i = 0; i < rule.checks().size(); i++) {
            var c = rule.checks().get(i);
            var params = new LinkedHashMap<>(c.params());
            if (change.params() != null
                    && i < change.params().size()
                    && change.params().get(i) != null) {
                change.params().get(i).forEach((k, v) -> {
                    if (!params.containsKey(k) || v == null) {
                        throw invalid("params", "comparison.rule.unknownParameter", k);
                    }
                    params.put(k, v);
                });
            }
            checks.add(new RuleDefinition.Check(c.subject(), c.other(), c.condition(), params, c.amount()));
        }
        int deadline = change.deadlineDays() == null ? rule.deadlineDays() : change.deadlineDays();
        var changed = new RuleDefinition(rule.code(), rule.action(), deadline, checks);
        try {
            changed.validate();
        } catch (IllegalArgumentException e) {
            throw invalid("params", "comparison.rule.invalidParameter", e.getMessage());
        }
        boolean enabled = change.enabled() == null ? current.enabled() : change.enabled();
        String text = RuleCatalogue.canonical(changed);
        // an unchanged definition is told by its canonical text, not by comparing digests by hand (ADR 0042)
        if (text.equals(RuleCatalogue.canonical(current.rule())) && enabled == current.enabled()) {
            return current;
        }
        String digest = RuleCatalogue.digest(text);
        catalogue.insert(code, text, digest, enabled, "CHANGE", access.actor(), note.isEmpty() ? null : note);
        return catalogue.latest(code).orElseThrow();
    }

    private static InvalidInputException invalid(String field, String key, @Nullable String arg) {
        return new InvalidInputException(new Violation(field, key, key, List.of(arg == null ? "" : arg)));
    }
}
