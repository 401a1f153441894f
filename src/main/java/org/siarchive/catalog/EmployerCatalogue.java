package org.siarchive.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 一企一档 for the employers' online service: the items of the employers an agent is bound to, a page at a
 * time (bounded), and the unit that handles an employer (the fonds of its latest item).
 */
@Component
class EmployerCatalogue {

    static final int MAX_PAGE_SIZE = 100;
    private static final String WHERE = "i.employer_id in (select id from employer where credit_code = any(:codes))";

    private final JdbcClient jdbc;
    private final ItemQueries queries;

    EmployerCatalogue(JdbcClient jdbc, ItemQueries queries) {
        this.jdbc = jdbc;
        this.queries = queries;
    }

    EmployerItems items(Collection<String> creditCodes, int clearance, int page, int size) {
        int n = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int p = Math.max(page, 1);
        if (creditCodes.isEmpty()) {
            return new EmployerItems(java.util.List.of(), 0, p, n);
        }
        var scope = new Scope("/", null, clearance);
        var params = Map.of("codes", creditCodes.toArray(String[]::new));
        long total = jdbc.sql("select count(*) from item i join fonds f on f.id = i.fonds_id where " + WHERE + " and "
                        + ItemQueries.SCOPE_CLAUSE)
                .params(scopeParams(scope, params))
                .query(Long.class)
                .single();
        var items = queries.summaries(WHERE, params, "i.handled_at desc, i.archive_code", (long) (p - 1) * n, n, scope);
        return new EmployerItems(items, total, p, n);
    }

    Optional<String> orgPath(String creditCode) {
        return jdbc.sql(
                        """
                select f.org_path from item i join fonds f on f.id = i.fonds_id
                 where i.employer_id = (select id from employer where credit_code = :c)
                 order by i.handled_at desc limit 1""")
                .param("c", creditCode)
                .query(String.class)
                .optional();
    }

    private static Map<String, Object> scopeParams(Scope scope, Map<String, ?> params) {
        var all = ItemQueries.scopeParams(scope);
        all.putAll(params);
        return all;
    }
}
