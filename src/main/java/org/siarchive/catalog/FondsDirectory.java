package org.siarchive.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The fonds (全宗) of the installation, for modules that name them without reading the catalog's tables:
 * e.g. the security administrator choosing the fonds of an account's data scope.
 */
@Component
public class FondsDirectory {

    /** One fonds: its id, code (全宗号), name and the organisation unit it belongs to (null before one was set). */
    public record Fonds(long id, String code, String name, @Nullable Long orgId) {}

    private final JdbcClient jdbc;

    FondsDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every fonds, by code. */
    public List<Fonds> all() {
        return jdbc.sql("select id, code, name, org_id from fonds order by code")
                .query(Fonds.class)
                .list();
    }
}
