package org.siarchive.catalog;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 档号 as people type them into a form (issue 14): with "-" or "." for the middle dot, full-width, or only a
 * part (prefix, suffix, middle) that identifies one item. Matching follows {@link ArchiveCodeInput}; only
 * items within the caller's data scope are candidates, so an answer never names another unit's 档号.
 */
@Component
public class ArchiveCodeLookup {

    /** How many candidates an ambiguous code lists. */
    public static final int MAX_CANDIDATES = 10;

    /** SQL narrows by the code's letter and digit runs; Java decides with {@link ArchiveCodeInput#matches}. */
    private static final int PREFILTER = 500;

    /** An item a typed code matches. */
    public record Match(UUID id, String archiveCode, String title) {}

    private final JdbcClient jdbc;

    ArchiveCodeLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The one item each typed code identifies within the scope, in order and without repeats; a 422 on
     * {@code field} naming every code that matches nothing (or lies outside the scope: the same answer) and,
     * for every code matching several items, up to {@link #MAX_CANDIDATES} of them.
     */
    public List<UUID> resolve(Collection<String> typed, Scope scope, String field) {
        var ids = new LinkedHashSet<UUID>();
        var unknown = new ArrayList<String>();
        var violations = new ArrayList<Violation>();
        for (String code : typed) {
            String t = code == null ? "" : code.strip();
            var found = candidates(t, scope, MAX_CANDIDATES);
            if (found.isEmpty()) {
                unknown.add(t);
            } else if (found.size() == 1) {
                ids.add(found.get(0).id());
            } else {
                violations.add(ambiguous(t, found, field));
            }
        }
        if (!unknown.isEmpty()) {
            violations.add(0, Violation.of(field, "unknownArchiveCode", String.join("、", unknown)));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return List.copyOf(ids);
    }

    private static Violation ambiguous(String typed, List<Match> found, String field) {
        var codes = found.stream().limit(MAX_CANDIDATES).map(Match::archiveCode).toList();
        return found.size() > MAX_CANDIDATES
                ? Violation.of(field, "ambiguousArchiveCodeMany", typed, String.join("、", codes), MAX_CANDIDATES)
                : Violation.of(field, "ambiguousArchiveCode", typed, String.join("、", codes), codes.size());
    }

    /**
     * Items within the scope matching a typed code, at most {@code limit + 1} (so that callers can tell
     * "more"). A code equal to a stored 档号 (after folding) is that item alone.
     */
    public List<Match> candidates(String typed, Scope scope, int limit) {
        String key = ArchiveCodeInput.key(typed);
        var runs = Arrays.stream(key.split("-")).filter(s -> !s.isEmpty()).toList();
        if (runs.isEmpty()) {
            return List.of();
        }
        var params = ItemQueries.scopeParams(scope);
        params.put("parts", runs.stream().map(r -> "%" + escapeLike(r) + "%").toArray(String[]::new));
        params.put("n", PREFILTER);
        var matches = jdbc
                .sql(
                        """
                select i.id, i.archive_code, i.title from item i join fonds f on f.id = i.fonds_id
                where upper(normalize(i.archive_code, NFKC)) like all(:parts) and """
                                + ItemQueries.SCOPE_CLAUSE
                                + " order by i.archive_code limit :n")
                .params(params)
                .query(Match.class)
                .list()
                .stream()
                .filter(m -> ArchiveCodeInput.matches(m.archiveCode(), typed))
                .toList();
        var exact = matches.stream()
                .filter(m -> ArchiveCodeInput.same(m.archiveCode(), typed))
                .toList();
        if (exact.size() == 1) {
            return exact;
        }
        return matches.size() > limit ? matches.subList(0, limit + 1) : matches;
    }

    private static String escapeLike(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
