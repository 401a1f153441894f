package org.siarchive.catalog;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits of reference data that agencies adapt locally: 档号 rules per fonds and category, the retention
 * of an annex row, whether a material is required in a business step. Each edit is audited; numbers
 * already assigned never change.
 *
 * <p>Who may change what (docs/adr/0031): a fonds' rule only within the caller's data scope (another
 * organisation's fonds answers like an unknown code); shared reference data — a rule for every fonds, the
 * retention table of 人社部令第3号 — only a caller whose scope covers the whole organisation tree.
 */
@Component
public class ReferenceDataAdmin {

    /** A 档号 rule as stored. */
    public record Rule(
            long id, @Nullable String fondsCode, @Nullable String categoryCode, String pattern, int seqWidth) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final ReferenceData reference;
    private final Organisations organisations;

    ReferenceDataAdmin(JdbcClient jdbc, AuditTrail audit, ReferenceData reference, Organisations organisations) {
        this.organisations = organisations;
        this.jdbc = jdbc;
        this.audit = audit;
        this.reference = reference;
    }

    public List<Rule> rules() {
        return jdbc.sql(
                        """
                select r.id, f.code as fonds_code, r.category_code, r.pattern, r.seq_width
                from archive_code_rule r left join fonds f on f.id = r.fonds_id order by r.id
                """)
                .query(Rule.class)
                .list();
    }

    /** Sets the rule for a fonds and/or category (null = all); applies to numbers assigned from now on. */
    @Transactional
    public Rule setRule(
            @Nullable String fondsCode, @Nullable String categoryCode, String pattern, int seqWidth, Access access) {
        try {
            new ArchiveCodePattern(pattern == null ? "" : pattern, seqWidth);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(Violation.of("pattern", "archiveCodePattern"));
        }
        if (seqWidth < 1 || seqWidth > 8) {
            throw new InvalidInputException(Violation.of("seqWidth", "range", 1, 8));
        }
        if (fondsCode == null) {
            requireWholeTree(access, "archive-code-rules");
        }
        Long fondsId = fondsCode == null ? null : fondsInScope(fondsCode, access);
        if (categoryCode != null
                && !reference.classification().categories().stream()
                        .anyMatch(c -> c.code().equals(categoryCode))) {
            throw new InvalidInputException(Violation.of("categoryCode", "codeTable", categoryCode));
        }
        long id = jdbc.sql(
                        """
                insert into archive_code_rule (fonds_id, category_code, pattern, seq_width) values (:f, :c, :p, :w)
                on conflict (fonds_id, category_code) do update set pattern = excluded.pattern, seq_width = excluded.seq_width
                returning id
                """)
                .param("f", fondsId)
                .param("c", categoryCode)
                .param("p", pattern)
                .param("w", seqWidth)
                .query(Long.class)
                .single();
        audit.record(
                access.actor(),
                AuditedObject.ARCHIVE_CODE_RULE,
                Long.toString(id),
                AuditOperation.SET,
                null,
                pattern + " / " + seqWidth);
        return rules().stream().filter(r -> r.id() == id).findFirst().orElseThrow();
    }

    /** Changes the retention of an annex row, e.g. after checking it against the local implementing rule. */
    @Transactional
    public void setScopeRetention(String scopeCode, String retentionCode, String reason, Access access) {
        requireWholeTree(access, "retention");
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Violation.of("reason", "required"));
        }
        boolean known = jdbc.sql("select exists (select 1 from retention_period where code = :r)")
                .param("r", retentionCode)
                .query(Boolean.class)
                .single();
        if (!known) {
            throw new InvalidInputException(Violation.of("retentionCode", "codeTable", retentionCode));
        }
        int n = jdbc.sql("update archive_scope set retention_code = :r, verified = true where code = :c")
                .param("r", retentionCode)
                .param("c", scopeCode)
                .update();
        if (n == 0) {
            throw new NotFoundException("ARCHIVE_SCOPE", scopeCode);
        }
        audit.record(
                access.actor(),
                AuditedObject.ARCHIVE_SCOPE,
                scopeCode,
                AuditOperation.SET_RETENTION,
                reason,
                retentionCode);
        reference.invalidate();
    }

    /** The id of a fonds within the caller's data scope; a fonds outside it answers like an unknown code. */
    private long fondsInScope(String fondsCode, Access access) {
        var p = ItemQueries.scopeParams(access.scope());
        p.put("c", fondsCode);
        return jdbc.sql(
                        """
                select f.id from fonds f where f.code = :c
                    and f.org_path like :scopeOrg and (:scopeAllFonds or f.id = any(:scopeFonds))
                """)
                .params(p)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new InvalidInputException(Violation.of("fondsCode", "codeTable", fondsCode)));
    }

    /** Shared reference data is changed only from the top of the tree: every organisation, every fonds. */
    private void requireWholeTree(Access access, String what) {
        if (!organisations.coversWholeTree(access.scope())) {
            throw new ForbiddenException("forbidden.sharedReferenceData", what);
        }
    }
}
