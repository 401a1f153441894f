package org.siarchive.portal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.CreditCode;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An employer's agent asks to be bound to a 统一社会信用代码; staff of the unit that handles the employer (the
 * fonds of its latest item, else the root) approve or reject with a reason (docs/adr/0106). Only an approved
 * binding counts, and {@link PortalSessions} reads the approved codes afresh on every request.
 */
@Component
class EmployerBindings {

    /** One binding as its account and the deciding staff see it. */
    record Binding(
            long id,
            long accountId,
            String accountName,
            String creditCode,
            String employerName,
            String orgPath,
            String state,
            OffsetDateTime requestedAt,
            @Nullable OffsetDateTime decidedAt,
            @Nullable String decidedBy,
            @Nullable String reason) {}

    private static final String SELECT =
            """
            select b.id, b.account_id, a.display_name as account_name, b.credit_code, b.employer_name,
                   coalesce(b.org_path, '/') as org_path, b.state, b.requested_at, b.decided_at, b.decided_by, b.reason
              from employer_binding b join portal_account a on a.id = b.account_id""";

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Catalog catalog;
    private final Organisations organisations;
    private final PortalNotices notices;

    EmployerBindings(
            JdbcClient jdbc, AuditTrail audit, Catalog catalog, Organisations organisations, PortalNotices notices) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.catalog = catalog;
        this.organisations = organisations;
        this.notices = notices;
    }

    /**
     * The account's request to be bound to {@code rawCode} (checked: GB 32100) for {@code rawName}. A request
     * already pending or approved is a conflict; a rejected one may be asked again.
     */
    @Transactional
    long request(PortalUser user, @Nullable String rawCode, @Nullable String rawName, Actor actor) {
        var v = new java.util.ArrayList<Violation>();
        String code = rawCode == null ? "" : CreditCode.normalize(rawCode);
        if (code.isEmpty()) {
            v.add(Violation.of("creditCode", "required"));
        } else {
            CreditCode.problem(code).ifPresent(p -> v.add(Violation.of("creditCode", "creditCode." + p.name(), code)));
        }
        String name = rawName == null ? "" : rawName.strip();
        if (name.isEmpty()) {
            v.add(Violation.of("employerName", "required"));
        } else if (name.length() > 200) {
            v.add(Violation.of("employerName", "maxLength", 200));
        }
        if (user.person()) {
            v.add(Violation.of("creditCode", "portalEmployerOnly"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        var existing = jdbc.sql(
                        "select state from employer_binding where account_id = :a and credit_code = :c for update")
                .param("a", user.accountId())
                .param("c", code)
                .query(String.class)
                .optional();
        if (existing.isPresent() && !existing.get().equals("REJECTED")) {
            throw new ConflictException("conflict.bindingExists", code);
        }
        String orgPath = catalog.employerOrgPath(code)
                .orElseGet(() -> organisations.root().path());
        long id = jdbc.sql(
                        """
                insert into employer_binding (account_id, credit_code, employer_name, org_path)
                values (:a, :c, :n, :o)
                on conflict (account_id, credit_code) do update
                   set employer_name = excluded.employer_name, org_path = excluded.org_path, state = 'PENDING',
                       requested_at = now(), decided_at = null, decided_by = null, reason = null
                returning id""")
                .param("a", user.accountId())
                .param("c", code)
                .param("n", name)
                .param("o", orgPath)
                .query(Long.class)
                .single();
        audit.record(actor, AuditedObject.EMPLOYER_BINDING, Long.toString(id), AuditOperation.REQUEST, null, code);
        return id;
    }

    /** The account's bindings, newest first. */
    List<Binding> of(long accountId) {
        return jdbc.sql(SELECT + " where b.account_id = :a order by b.requested_at desc")
                .param("a", accountId)
                .query(Binding.class)
                .list();
    }

    /** Requests waiting for a decision by staff of the caller's units, oldest first (at most 200). */
    List<Binding> pending(Access access) {
        return jdbc.sql(SELECT + " where b.state = 'PENDING' and coalesce(b.org_path, '/') like :o"
                        + " order by b.requested_at limit 200")
                .param("o", access.scope().orgPattern())
                .query(Binding.class)
                .list();
    }

    /** One binding within the caller's units; another unit's is unknown. */
    Optional<Binding> find(long id, Access access) {
        return jdbc.sql(SELECT + " where b.id = :id and coalesce(b.org_path, '/') like :o")
                .param("id", id)
                .param("o", access.scope().orgPattern())
                .query(Binding.class)
                .optional();
    }

    /**
     * Approves or rejects a pending request; a rejection needs a reason (2–500 characters), an approval may
     * carry one. Audited APPROVE or REJECT in the same transaction.
     */
    @Transactional
    void decide(long id, boolean approve, @Nullable String rawReason, Access access) {
        String reason = rawReason == null ? "" : rawReason.strip();
        if (!approve && reason.length() < 2) {
            throw new InvalidInputException(Violation.of("reason", "required"));
        }
        if (reason.length() > 500) {
            throw new InvalidInputException(Violation.of("reason", "maxLength", 500));
        }
        var binding = find(id, access).orElseThrow(() -> new NotFoundException("EMPLOYER_BINDING", Long.toString(id)));
        int changed = jdbc.sql(
                        """
                update employer_binding set state = :s, decided_at = now(), decided_by = :by, reason = :r
                 where id = :id and state = 'PENDING'""")
                .param("s", approve ? "APPROVED" : "REJECTED")
                .param("by", access.actor().name())
                .param("r", reason.isEmpty() ? null : reason)
                .param("id", id)
                .update();
        if (changed == 0) {
            throw new ConflictException("conflict.bindingDecided", binding.creditCode());
        }
        audit.record(
                access.actor(),
                AuditedObject.EMPLOYER_BINDING,
                Long.toString(id),
                approve ? AuditOperation.APPROVE : AuditOperation.REJECT,
                reason.isEmpty() ? null : reason,
                binding.creditCode());
        String told = "binding-" + id + ":" + binding.requestedAt().toInstant().toEpochMilli();
        if (approve) {
            notices.notify(
                    binding.accountId(),
                    "portal.notice.binding.approved",
                    List.of(SubmissionDecisions.plain(binding.employerName())),
                    told);
        } else {
            notices.notify(
                    binding.accountId(),
                    "portal.notice.binding.rejected",
                    List.of(SubmissionDecisions.plain(binding.employerName()), SubmissionDecisions.plain(reason)),
                    told);
        }
    }

    /** The employer name of an approved binding of the account, if it is bound to {@code creditCode}. */
    Optional<String> employerName(long accountId, String creditCode) {
        return jdbc.sql(
                        """
                select employer_name from employer_binding
                 where account_id = :a and credit_code = :c and state = 'APPROVED'""")
                .param("a", accountId)
                .param("c", creditCode)
                .query(String.class)
                .optional();
    }

    /** The approved bindings of the account (credit code → employer name), for choosers. */
    java.util.Map<String, String> approved(long accountId) {
        var out = new java.util.LinkedHashMap<String, String>();
        jdbc.sql("select credit_code, employer_name from employer_binding where account_id = :a and state = 'APPROVED'"
                        + " order by credit_code")
                .param("a", accountId)
                .query((rs, n) -> out.put(rs.getString(1), rs.getString(2)))
                .list();
        return out;
    }
}
