package org.siarchive.federation;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The province's search over the counties' catalogues it received: by 档号 (exact or prefix), words of the title
 * and year, always within the caller's data scope (the county's organisation unit path), tombstones left out.
 */
@Component
class ProvinceCatalogue {

    /** The most entries one search answers. */
    static final int LIMIT = 200;

    /** An entry as the province shows it. */
    record Hit(
            String county,
            String archiveCode,
            String title,
            String fonds,
            int year,
            String retention,
            String category) {}

    private final JdbcClient jdbc;

    ProvinceCatalogue(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Hit> search(@Nullable String q, @Nullable Integer year, Scope scope) {
        String words = q == null || q.isBlank() ? null : q.strip();
        return jdbc.sql(
                        """
                select county_code, archive_code, title, fonds_code, year, retention, category
                from federation_entry
                where not deleted and org_path like :scope
                  and (:q::text is null or archive_code like :prefix or strpos(title, :q::text) > 0)
                  and (:year::int is null or year = :year::int)
                order by county_code, archive_code limit :limit
                """)
                .param("scope", scope.orgPattern())
                .param("q", words)
                .param("prefix", words == null ? "" : words.replace("%", "").replace("_", "\\_") + "%")
                .param("year", year)
                .param("limit", LIMIT)
                .query((rs, n) -> new Hit(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getString(6),
                        rs.getString(7)))
                .list();
    }
}
