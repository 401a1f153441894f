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
 * The items a person means by 档号 typed as people type them ({@link ArchiveCodeInput}): each typed code
 * selects every item in scope whose 档号 contains it, up to a bound, in 档号 order. Stored 档号 hold only
 * half-width characters, so the database folds their separators the way {@link ArchiveCodeInput#key} does.
 */
@Component
public class TypedArchiveCodes {

    /** The most items one typed code may select. */
    public static final int MAX_PER_CODE = 500;

    private static final String STORED_KEY =
            "regexp_replace(upper(i.archive_code), '[-·•‧・.。_/\\\\—–‐‑‒―−~[:space:]]+', '-', 'g')";

    private final JdbcClient jdbc;

    TypedArchiveCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The items in scope whose 档号 contain each typed code: every match, at most {@value #MAX_PER_CODE} per
     * code; an unknown or too broad code is a violation on {@code field}.
     */
    public List<UUID> ids(Collection<String> typed, Scope scope, String field) {
        var ids = new LinkedHashSet<UUID>();
        var unknown = new ArrayList<String>();
        for (String code : typed) {
            String key = ArchiveCodeInput.key(code);
            var found = key.isEmpty() ? List.<UUID>of() : matching(key, scope);
            if (found.isEmpty()) {
                unknown.add(code.strip());
            } else if (found.size() > MAX_PER_CODE) {
                throw new InvalidInputException(Violation.of(field, "archiveCodeTooBroad", code.strip(), MAX_PER_CODE));
            } else {
                ids.addAll(found);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(Violation.of(field, "unknownArchiveCode", String.join("、", unknown)));
        }
        return List.copyOf(ids);
    }

    private List<UUID> matching(String key, Scope scope) {
        return jdbc.sql("select i.id from item i join fonds f on f.id = i.fonds_id where " + STORED_KEY
                        + " like :pattern escape '!' and " + ItemQueries.SCOPE_CLAUSE
                        + " order by i.archive_code limit :n")
                .params(ItemQueries.scopeParams(scope))
                .param(
                        "pattern",
                        "%" + key.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%")
                .param("n", MAX_PER_CODE + 1)
                .query(UUID.class)
                .list();
    }
}
