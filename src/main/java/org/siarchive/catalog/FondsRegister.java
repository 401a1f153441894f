package org.siarchive.catalog;

import java.util.List;
import java.util.UUID;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fonds (全宗) and the organisation unit each belongs to. A fonds keeps its unit's materialised path
 * ({@code fonds.org_path}), so data scope is decided on the catalogue's own table: the path is copied
 * from {@link Organisations} when the fonds is registered and never goes stale, because a unit's path is
 * the ids from the root and units are never moved (docs/adr/0040).
 */
@Component
class FondsRegister {

    private final JdbcClient jdbc;
    private final Organisations organisations;
    private final ReferenceData reference;
    private final AuditTrail audit;

    FondsRegister(JdbcClient jdbc, Organisations organisations, ReferenceData reference, AuditTrail audit) {
        this.jdbc = jdbc;
        this.organisations = organisations;
        this.reference = reference;
        this.audit = audit;
    }

    @Transactional
    public void ensure(String code, String name, String agency, long orgId, Actor actor) {
        String orgPath = organisations.require(orgId).path();
        int created = jdbc.sql(
                        """
                insert into fonds (code, name, agency, org_id, org_path) values (:code, :name, :agency, :org, :path)
                on conflict (code) do nothing
                """)
                .param("code", code)
                .param("name", name)
                .param("agency", agency)
                .param("org", orgId)
                .param("path", orgPath)
                .update();
        // fonds registered before organisations existed belong to the root
        jdbc.sql("update fonds set org_id = :org, org_path = :path where org_id is null")
                .param("org", orgId)
                .param("path", orgPath)
                .update();
        if (created > 0) {
            audit.record(actor, AuditedObject.FONDS, code, AuditOperation.CREATE, null, name);
            reference.invalidate();
        }
    }

    long id(String code) {
        return jdbc.sql("select id from fonds where code = :c")
                .param("c", code)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("FONDS", code));
    }

    boolean inScope(String fondsCode, Scope scope) {
        var p = ItemQueries.scopeParams(scope);
        p.put("c", fondsCode);
        return jdbc.sql(
                        """
                select exists (select 1 from fonds f where f.code = :c
                    and f.org_path like :scopeOrg and (:scopeAllFonds or f.id = any(:scopeFonds)))
                """)
                .params(p)
                .query(Boolean.class)
                .single();
    }

    List<String> codesInScope(Scope scope) {
        return jdbc.sql(
                        """
                select f.code from fonds f
                where f.org_path like :scopeOrg and (:scopeAllFonds or f.id = any(:scopeFonds)) order by f.code
                """)
                .params(ItemQueries.scopeParams(scope))
                .query(String.class)
                .list();
    }

    Catalog.ScopeAttributes scopeAttributes(UUID itemId) {
        return jdbc.sql(
                        """
                select i.fonds_id, f.org_path, i.security_level::int as clearance
                from item i join fonds f on f.id = i.fonds_id where i.id = :id
                """)
                .param("id", itemId)
                .query(Catalog.ScopeAttributes.class)
                .single();
    }

    /** The organisation path of the item's fonds; empty when the catalogue does not know the item. */
    java.util.Optional<String> orgPathOf(UUID itemId) {
        return jdbc.sql("select f.org_path from item i join fonds f on f.id = i.fonds_id where i.id = :id")
                .param("id", itemId)
                .query(String.class)
                .optional();
    }
}
