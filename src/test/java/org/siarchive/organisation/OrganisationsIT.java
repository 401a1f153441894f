package org.siarchive.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.Actor;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Units read by id are kept in memory (docs/adr/0131): what is kept is what the table holds, and a unit read by the
 * transaction creating it is not kept, so a creation that rolls back leaves no unit behind in memory either.
 */
class OrganisationsIT extends IntegrationTest {

    @Autowired
    Organisations organisations;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aUnitReadTwiceIsTheRowTheTableHolds() {
        var root = organisations.root();
        var created = organisations.create(root.id(), "KEEP-1", "保留测试单位", "COUNTY", Actor.SYSTEM);

        var first = organisations.require(created.id());
        var again = organisations.byId(created.id()).orElseThrow();

        assertThat(first).isEqualTo(created).isEqualTo(again);
        assertThat(first.path()).isEqualTo(root.path() + created.id() + "/");
        assertThat(first.parentId()).isEqualTo(root.id());
        var row = jdbc.sql("select code, name, level, path from org_unit where id = :id")
                .param("id", created.id())
                .query((rs, n) ->
                        rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4))
                .single();
        assertThat(row).isEqualTo("KEEP-1|保留测试单位|COUNTY|" + first.path());
    }

    @Test
    void aUnitWhoseCreationRolledBackIsNotFound() {
        var root = organisations.root();
        var id = new AtomicLong();
        tx.executeWithoutResult(status -> {
            var unit = organisations.create(root.id(), "GONE-1", "回滚测试单位", "COUNTY", Actor.SYSTEM);
            id.set(unit.id());
            assertThat(organisations.byId(unit.id())).contains(unit);
            status.setRollbackOnly();
        });

        assertThat(organisations.byId(id.get())).isEmpty();
        assertThat(organisations.byCode("GONE-1")).isEmpty();
    }

    @Test
    void anUnknownIdIsNotFoundAndNotKept() {
        assertThat(organisations.byId(Long.MAX_VALUE)).isEmpty();
        assertThat(organisations.byId(Long.MAX_VALUE)).isEmpty();
    }
}
