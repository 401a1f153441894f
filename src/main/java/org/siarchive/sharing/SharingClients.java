package org.siarchive.sharing;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.ApiTokens;
import org.siarchive.security.Permission;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The security administrator's register of client systems (共享核验客户端): register (issuing the client's API
 * token with the single scope {@code sharing:verify}), change, suspend and resume, rotate the token. Each
 * change is audited in its own transaction with the row it changes.
 */
@Component
public class SharingClients {

    /** Tokens are valid a year; the administrator rotates them. */
    static final int TOKEN_DAYS = 366;
    /** Clearance of the token: its principal never reads items, the extract uses its own scope. */
    private static final int TOKEN_CLEARANCE = 1;

    private static final String SELECT =
            """
            select id, code, name, department, legal_basis, purposes, fields, daily_quota, networks, org_id,
                   token_id, state, registered_by, registered_at, changed_by, changed_at
            from sharing_client""";

    /** A registered (or rotated) client and its new token, shown once. */
    public record Issued(SharingClient client, String token) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ApiTokens tokens;
    private final Organisations organisations;
    private final Purposes purposes;

    SharingClients(
            JdbcClient jdbc, AuditTrail audit, ApiTokens tokens, Organisations organisations, Purposes purposes) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.tokens = tokens;
        this.organisations = organisations;
        this.purposes = purposes;
    }

    public List<SharingClient> list() {
        return jdbc.sql(SELECT + " order by code").query(SharingClient.class).list();
    }

    public SharingClient require(long id) {
        return jdbc.sql(SELECT + " where id = :id")
                .param("id", id)
                .query(SharingClient.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("SHARING_CLIENT", Long.toString(id)));
    }

    /** The client whose current token this is, if any. */
    public Optional<SharingClient> byToken(long tokenId) {
        return jdbc.sql(SELECT + " where token_id = :t")
                .param("t", tokenId)
                .query(SharingClient.class)
                .optional();
    }

    private void check(ClientForm form, boolean withCode) {
        var known = purposes.all().stream().map(Purposes.Purpose::code).collect(Collectors.toSet());
        var v = form.violations(known, withCode);
        if (v.isEmpty() && organisations.byId(form.org()).isEmpty()) {
            v.add(Violation.of("orgId", "code"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    @Transactional
    public Issued register(ClientForm form, Actor actor) {
        check(form, true);
        String code = form.text(form.code());
        if (jdbc.sql("select count(*) from sharing_client where code = :c")
                        .param("c", code)
                        .query(Integer.class)
                        .single()
                > 0) {
            throw new InvalidInputException(Violation.of("code", "sharing.codeTaken", code));
        }
        long id = jdbc.sql(
                        """
                insert into sharing_client (code, name, department, legal_basis, purposes, fields, daily_quota,
                    networks, org_id, registered_by)
                values (:code, :name, :dept, :basis, :purposes, :fields, :quota, :networks, :org, :by)
                returning id""")
                .param("code", code)
                .params(values(form))
                .param("by", actor.name())
                .query(Long.class)
                .single();
        String token = issueToken(id, code, form.org(), actor);
        audit.record(
                actor,
                AuditedObject.SHARING_CLIENT,
                code,
                AuditOperation.REGISTER,
                null,
                AuditDetail.of("audit.detail.sharingRegistered", form.text(form.name()), form.text(form.department()))
                        .encoded());
        return new Issued(require(id), token);
    }

    private static java.util.Map<String, Object> values(ClientForm form) {
        var m = new java.util.HashMap<String, Object>();
        m.put("name", form.text(form.name()));
        m.put("dept", form.text(form.department()));
        m.put("basis", form.text(form.legalBasis()));
        m.put("purposes", String.join(",", new java.util.TreeSet<>(form.purposesOrEmpty())));
        m.put("fields", String.join(",", new java.util.TreeSet<>(form.fieldsOrEmpty())));
        m.put("quota", form.quota());
        m.put("networks", form.networksJoined());
        m.put("org", form.org());
        return m;
    }

    /** Issues the client's token and stores its id on the row (inside the caller's transaction). */
    private String issueToken(long id, String code, long orgId, Actor actor) {
        var issued = tokens.issue(
                "sharing-" + code, orgId, Set.of(Permission.SHARING_VERIFY), TOKEN_CLEARANCE, null, TOKEN_DAYS, actor);
        jdbc.sql("update sharing_client set token_id = :t where id = :id")
                .param("t", issued.info().id())
                .param("id", id)
                .update();
        return issued.token();
    }

    @Transactional
    public SharingClient update(long id, ClientForm form, Actor actor) {
        var before = require(id);
        check(form, false);
        jdbc.sql(
                        """
                update sharing_client set name = :name, department = :dept, legal_basis = :basis,
                    purposes = :purposes, fields = :fields, daily_quota = :quota, networks = :networks,
                    org_id = :org, changed_by = :by, changed_at = now()
                where id = :id""")
                .params(values(form))
                .param("by", actor.name())
                .param("id", id)
                .update();
        boolean moved = before.orgId() != form.org();
        if (moved && before.tokenId() != null) { // the token carries the unit: a new one for the new unit
            rotateToken(before, form.org(), actor);
        }
        audit.record(
                actor,
                AuditedObject.SHARING_CLIENT,
                before.code(),
                AuditOperation.UPDATE,
                null,
                AuditDetail.of("audit.detail.sharingUpdated", form.text(form.name()), form.quota())
                        .encoded());
        return require(id);
    }

    @Transactional
    public SharingClient suspend(long id, @Nullable String reason, Actor actor) {
        var c = require(id);
        if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
            throw new InvalidInputException(Violation.of("reason", "required"));
        }
        setState(c, "SUSPENDED", "ACTIVE", actor);
        audit.record(actor, AuditedObject.SHARING_CLIENT, c.code(), AuditOperation.SUSPEND, reason.strip(), null);
        return require(id);
    }

    @Transactional
    public SharingClient resume(long id, Actor actor) {
        var c = require(id);
        setState(c, "ACTIVE", "SUSPENDED", actor);
        audit.record(
                actor,
                AuditedObject.SHARING_CLIENT,
                c.code(),
                AuditOperation.UPDATE,
                null,
                AuditDetail.of("audit.detail.sharingResumed").encoded());
        return require(id);
    }

    private void setState(SharingClient c, String to, String from, Actor actor) {
        int n = jdbc.sql(
                        "update sharing_client set state = :to, changed_by = :by, changed_at = now() where id = :id and state = :from")
                .param("to", to)
                .param("from", from)
                .param("by", actor.name())
                .param("id", c.id())
                .update();
        if (n == 0) {
            throw new ConflictException("sharing.client.stateConflict", c.code());
        }
    }

    /** Revokes the client's token and issues a new one, shown once. */
    @Transactional
    public Issued rotate(long id, Actor actor) {
        var c = require(id);
        String token = rotateToken(c, c.orgId(), actor);
        audit.record(
                actor,
                AuditedObject.SHARING_CLIENT,
                c.code(),
                AuditOperation.ISSUE,
                null,
                AuditDetail.of("audit.detail.sharingRotated").encoded());
        return new Issued(require(id), token);
    }

    private String rotateToken(SharingClient c, long orgId, Actor actor) {
        if (c.tokenId() != null && tokens.require(c.tokenId()).revokedAt() == null) {
            tokens.revoke(c.tokenId(), "sharing client " + c.code() + ": token rotated", actor);
        }
        return issueToken(c.id(), c.code(), orgId, actor);
    }
}
