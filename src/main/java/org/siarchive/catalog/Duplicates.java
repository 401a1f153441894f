package org.siarchive.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The one rule for "is this already held?": a newcomer matches an item in the catalogue when one of its files
 * has the same SHA-256 (the same bytes), when its 档号 is held, or when its 业务受理号 is held for the same
 * business step. A match is evidence for the archivist's decision, never a silent merge (docs/adr/0035).
 * The whole catalogue is searched, but only items inside the caller's data scope are named; the others are
 * only counted, so a refusal tells no one another county's 档号.
 */
@Component
public class Duplicates {

    /** Why an item held matches. */
    public enum Ground {
        DIGEST,
        ARCHIVE_CODE,
        ACCEPTANCE_NO
    }

    /** What is known of a newcomer; any part may be missing. */
    public record Probe(
            @Nullable String archiveCode,
            @Nullable String acceptanceNo,
            @Nullable String businessStep,
            Collection<String> sha256) {}

    /** An item held, inside the caller's scope. */
    public record Match(UUID itemId, String archiveCode, Set<Ground> grounds) {}

    /** The named matches and how many more lie outside the caller's scope. */
    public record Found(List<Match> named, int outsideScope) {

        public boolean any() {
            return !named.isEmpty() || outsideScope > 0;
        }
    }

    private static final int LIMIT = 20;

    private final JdbcClient jdbc;

    Duplicates(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Found find(Probe p, Scope scope, @Nullable UUID except) {
        var params = ItemQueries.scopeParams(scope);
        params.put("sha", p.sha256().toArray(String[]::new));
        params.put("code", p.archiveCode());
        params.put("acc", p.acceptanceNo());
        params.put("step", p.businessStep());
        params.put("except", except);
        var rows = jdbc.sql(
                        """
                select i.id, i.archive_code,
                       exists (select 1 from item_file f where f.item_id = i.id and f.sha256 = any(:sha)) as by_digest,
                       coalesce(i.archive_code = :code, false) as by_code,
                       coalesce(i.acceptance_no = :acc and i.step_code = :step, false) as by_acceptance,
                       """
                                + ItemQueries.SCOPE_CLAUSE
                                + """
                        as in_scope
                from item i
                join fonds f on f.id = i.fonds_id
                where (i.id in (select item_id from item_file where sha256 = any(:sha))
                       or i.archive_code = :code
                       or (i.acceptance_no = :acc and i.step_code = :step))
                  and (:except::uuid is null or i.id <> :except::uuid)
                order by i.archive_code
                limit
                """
                                + LIMIT)
                .params(params)
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("archive_code"),
                        grounds(rs.getBoolean("by_digest"), rs.getBoolean("by_code"), rs.getBoolean("by_acceptance")),
                        rs.getBoolean("in_scope")))
                .list();
        var named = new ArrayList<Match>();
        int outside = 0;
        for (var r : rows) {
            if (r.inScope()) {
                named.add(new Match(r.id(), r.archiveCode(), r.grounds()));
            } else {
                outside++;
            }
        }
        return new Found(List.copyOf(named), outside);
    }

    private record Row(UUID id, String archiveCode, Set<Ground> grounds, boolean inScope) {}

    private static Set<Ground> grounds(boolean digest, boolean code, boolean acceptance) {
        var g = EnumSet.noneOf(Ground.class);
        if (digest) {
            g.add(Ground.DIGEST);
        }
        if (code) {
            g.add(Ground.ARCHIVE_CODE);
        }
        if (acceptance) {
            g.add(Ground.ACCEPTANCE_NO);
        }
        return Set.copyOf(g);
    }
}
