package org.siarchive.organisation;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The organisation tree. The root (the installation's own agency) is created from settings on first start. A unit
 * never changes once its creating transaction has committed (there is no rename, move or delete, and a restore runs
 * on an empty data directory before start), so units read by id are kept in memory: every API request's token check
 * asks for its unit (docs/adr/0131).
 */
@Component
public class Organisations {

    static final Set<String> LEVELS = Set.of("PROVINCE", "CITY", "COUNTY", "AGENCY");

    /** More units than any installation has (a province: 1 + 21 + 183 and their agencies); past it, reads go to SQL. */
    static final int KEPT_AT_MOST = 20_000;

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final java.util.concurrent.ConcurrentHashMap<Long, OrgUnit> byId =
            new java.util.concurrent.ConcurrentHashMap<>();

    Organisations(
            JdbcClient jdbc,
            AuditTrail audit,
            TransactionTemplate tx,
            @Value("${siarchive.organisation.root-code:ROOT}") String rootCode,
            @Value("${siarchive.organisation.root-name:社会保险事业管理中心}") String rootName,
            @Value("${siarchive.organisation.root-level:CITY}") String rootLevel) {
        this.jdbc = jdbc;
        this.audit = audit;
        tx.executeWithoutResult(s -> ensureRoot(rootCode, rootName, rootLevel));
    }

    private void ensureRoot(String code, String name, String level) {
        jdbc.sql("lock table org_unit in share row exclusive mode").update();
        boolean exists = jdbc.sql("select exists (select 1 from org_unit where parent_id is null)")
                .query(Boolean.class)
                .single();
        if (exists) {
            return;
        }
        long id = jdbc.sql("insert into org_unit (code, name, level, path) values (:c, :n, :l, '/') returning id")
                .param("c", code)
                .param("n", name)
                .param("l", level)
                .query(Long.class)
                .single();
        jdbc.sql("update org_unit set path = :p where id = :id")
                .param("p", "/" + id + "/")
                .param("id", id)
                .update();
        audit.record(Actor.SYSTEM, AuditedObject.ORG_UNIT, code, AuditOperation.CREATE, null, name);
    }

    private static final String SELECT = "select id, parent_id, code, name, level, path from org_unit";

    public OrgUnit root() {
        return jdbc.sql(SELECT + " where parent_id is null")
                .query(Organisations::unit)
                .single();
    }

    public Optional<OrgUnit> byId(long id) {
        var kept = byId.get(id);
        if (kept != null) {
            return Optional.of(kept);
        }
        var read = jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(Organisations::unit)
                .optional();
        // a unit read inside a transaction may be one that transaction is creating and may still roll back
        if (read.isPresent()
                && !TransactionSynchronizationManager.isActualTransactionActive()
                && byId.size() < KEPT_AT_MOST) {
            byId.put(id, read.get());
        }
        return read;
    }

    /** Mapped by hand: a by-class mapper pays pgjdbc an exception for {@code parentId} on every row. */
    private static OrgUnit unit(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new OrgUnit(
                rs.getLong("id"),
                rs.getObject("parent_id", Long.class),
                rs.getString("code"),
                rs.getString("name"),
                rs.getString("level"),
                rs.getString("path"));
    }

    public Optional<OrgUnit> byCode(String code) {
        return jdbc.sql(SELECT + " where code = :c")
                .param("c", code)
                .query(Organisations::unit)
                .optional();
    }

    /**
     * Whether a data scope covers the whole tree (the root, every fonds): the one rule for changing what
     * every organisation shares — national/provincial reference data, 四性 check items (docs/adr/0031).
     */
    public boolean coversWholeTree(Scope scope) {
        return scope.allFonds()
                && (scope.orgPath().equals("/") || scope.orgPath().equals(root().path()));
    }

    /** The unit at a materialised path (a data scope's organisation, e.g. {@code /1/4/}). */
    public Optional<OrgUnit> byPath(String path) {
        return jdbc.sql(SELECT + " where path = :p")
                .param("p", path)
                .query(Organisations::unit)
                .optional();
    }

    public OrgUnit require(long id) {
        return byId(id).orElseThrow(() -> new NotFoundException("ORG_UNIT", Long.toString(id)));
    }

    /** The whole tree, depth-first by path. */
    public List<OrgUnit> all() {
        return jdbc.sql(SELECT + " order by path").query(Organisations::unit).list();
    }

    /** The unit and every unit below it. */
    public List<OrgUnit> subtree(String path) {
        return jdbc.sql(SELECT + " where path like :p order by path")
                .param("p", path + "%")
                .query(Organisations::unit)
                .list();
    }

    @Transactional
    public OrgUnit create(long parentId, String code, String name, String level, Actor actor) {
        var v = new java.util.ArrayList<Violation>();
        if (code.isBlank()) {
            v.add(Violation.of("code", "required"));
        } else if (code.length() > 32 || !code.matches("[A-Za-z0-9_-]+")) {
            v.add(Violation.of("code", "format"));
        }
        if (name.isBlank()) {
            v.add(Violation.of("name", "required"));
        } else if (name.length() > 200) {
            v.add(Violation.of("name", "maxLength", 200));
        }
        if (!LEVELS.contains(level)) {
            v.add(Violation.of("level", "code"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v); // every broken rule at once
        }
        var parent = require(parentId);
        if (byCode(code).isPresent()) {
            throw new ConflictException("conflict.orgCodeTaken", code);
        }
        long id = jdbc.sql(
                        "insert into org_unit (parent_id, code, name, level, path) values (:p, :c, :n, :l, :tmp) returning id")
                .param("p", parentId)
                .param("c", code)
                .param("n", name)
                .param("l", level)
                .param("tmp", "/tmp-" + code + "/")
                .query(Long.class)
                .single();
        jdbc.sql("update org_unit set path = :path where id = :id")
                .param("path", parent.path() + id + "/")
                .param("id", id)
                .update();
        audit.record(
                actor,
                AuditedObject.ORG_UNIT,
                code,
                AuditOperation.CREATE,
                null,
                AuditDetail.of("audit.detail.orgUnder", name, parent.name()).encoded());
        return require(id);
    }
}
