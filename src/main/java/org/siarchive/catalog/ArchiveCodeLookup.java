package org.siarchive.catalog;

import java.util.ArrayList;
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
 * The one door for 档号 as people type them into a form (issue 14): with "-" or "." for the middle dot,
 * full-width, or only a part (prefix, suffix, middle). Matching follows {@link ArchiveCodeInput}; only items
 * within the caller's data scope are candidates, so an answer never names another unit's 档号. Lending and
 * 组卷/装盒 want exactly one item per code ({@link #resolveOne}); a 四性检测 takes every item a code names
 * ({@link #resolveAll}).
 */
@Component
public class ArchiveCodeLookup {

    /** How many candidates an ambiguous code lists. */
    public static final int MAX_CANDIDATES = 10;

    /** The most items one typed code may select in {@link #resolveAll}. */
    public static final int MAX_PER_CODE = 500;

    /** An item a typed code matches. */
    public record Match(UUID id, String archiveCode, String title) {}

    private final JdbcClient jdbc;

    ArchiveCodeLookup(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The one item each typed code identifies within the scope, in order and without repeats; a 422 on
     * {@code field} naming every code that matches nothing (or lies outside the scope: the same answer) and,
     * for every code matching several items, up to {@link #MAX_CANDIDATES} of them. Nothing typed is
     * {@code required}.
     */
    public List<UUID> resolveOne(Collection<String> typed, Scope scope, String field) {
        var ids = new LinkedHashSet<UUID>();
        var unknown = new ArrayList<String>();
        var violations = new ArrayList<Violation>();
        for (String t : stripped(typed, field)) {
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
            violations.add(0, unknown(field, unknown));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        return List.copyOf(ids);
    }

    /**
     * Every item in scope whose 档号 contains a typed code, at most {@value #MAX_PER_CODE} per code, in
     * order and without repeats; a 422 on {@code field} for a code naming nothing or too many items.
     */
    public List<UUID> resolveAll(Collection<String> typed, Scope scope, String field) {
        var ids = new LinkedHashSet<UUID>();
        var unknown = new ArrayList<String>();
        for (String t : stripped(typed, field)) {
            var found = matching(ArchiveCodeInput.key(t), scope, MAX_PER_CODE + 1);
            if (found.isEmpty()) {
                unknown.add(t);
            } else if (found.size() > MAX_PER_CODE) {
                throw new InvalidInputException(Violation.of(field, "archiveCodeTooBroad", t, MAX_PER_CODE));
            } else {
                found.forEach(m -> ids.add(m.id()));
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(unknown(field, unknown));
        }
        return List.copyOf(ids);
    }

    /**
     * Items within the scope matching a typed code, at most {@code limit + 1} (so that callers can tell
     * "more"). A code equal to a stored 档号 (after folding) is that item alone.
     */
    public List<Match> candidates(String typed, Scope scope, int limit) {
        var matches = matching(ArchiveCodeInput.key(typed), scope, limit + 1);
        var exact = matches.stream()
                .filter(m -> ArchiveCodeInput.same(m.archiveCode(), typed))
                .toList();
        if (exact.size() == 1) {
            return exact;
        }
        if (matches.size() > limit && exact.isEmpty()) {
            // the exact one may lie beyond the first limit + 1 in 档号 order
            String key = ArchiveCodeInput.key(typed);
            var same = query(escape(key), key, scope, 2).stream()
                    .filter(m -> ArchiveCodeInput.same(m.archiveCode(), typed))
                    .toList();
            if (same.size() == 1) {
                return same;
            }
        }
        return matches;
    }

    /**
     * SQL folding a stored 档号 column the way {@link ArchiveCodeInput#key} folds typed ones (full-width to
     * half-width, upper case, every run of separators to one "-"), for {@code like} against a key.
     */
    static String storedKey(String column) {
        return "regexp_replace(upper(normalize(" + column + ", NFKC)),"
                + " '[-·•‧・.。_/\\\\—–‐‑‒―−~[:space:]]+', '-', 'g')";
    }

    /** {@code like} pattern (escape '!') for the stored keys containing {@code key}. */
    static String containing(String key) {
        return "%" + escape(key) + "%";
    }

    private static String escape(String key) {
        return key.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private List<Match> matching(String key, Scope scope, int n) {
        return key.isEmpty() ? List.of() : query(containing(key), key, scope, n);
    }

    private List<Match> query(String pattern, String key, Scope scope, int n) {
        return jdbc
                .sql("select i.id, i.archive_code, i.title from item i join fonds f on f.id = i.fonds_id where "
                        + storedKey("i.archive_code") + " like :pattern escape '!' and "
                        + ItemQueries.SCOPE_CLAUSE + " order by i.archive_code limit :n")
                .params(ItemQueries.scopeParams(scope))
                .param("pattern", pattern)
                .param("n", n)
                .query(Match.class)
                .list()
                .stream()
                .filter(m -> ArchiveCodeInput.key(m.archiveCode()).contains(key))
                .toList();
    }

    private static List<String> stripped(Collection<String> typed, String field) {
        var codes = typed.stream()
                .map(c -> c == null ? "" : c.strip())
                .filter(c -> !ArchiveCodeInput.key(c).isEmpty())
                .distinct()
                .toList();
        if (codes.isEmpty()) {
            throw new InvalidInputException(Violation.of(field, "required"));
        }
        return codes;
    }

    private static Violation unknown(String field, List<String> codes) {
        return Violation.of(field, "unknownArchiveCode", String.join("、", codes));
    }

    private static Violation ambiguous(String typed, List<Match> found, String field) {
        var codes = found.stream().limit(MAX_CANDIDATES).map(Match::archiveCode).toList();
        return found.size() > MAX_CANDIDATES
                ? Violation.of(field, "ambiguousArchiveCodeMany", typed, String.join("、", codes), MAX_CANDIDATES)
                : Violation.of(field, "ambiguousArchiveCode", typed, String.join("、", codes), codes.size());
    }
}
