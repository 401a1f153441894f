package org.siarchive.security;

import static org.siarchive.security.AccountChecks.notSelf;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An account's data scope (数据权限), set by the security administrator: the organisation subtree (by
 * the account's unit), the fonds (null = all), the clearance, and with them the networks the account may
 * log in from and whether it must use a second factor.
 */
@Component
class DataScopes {

    /** What the security administrator sets in one go. */
    record Settings(
            long orgId,
            @Nullable List<Long> fondsIds,
            int clearance,
            @Nullable String allowedNetworks,
            boolean totpRequired) {}

    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Organisations organisations;
    private final AccountRows rows;

    DataScopes(JdbcClient jdbc, AuditTrail audit, Organisations organisations, AccountRows rows) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.organisations = organisations;
        this.rows = rows;
    }

    @Transactional
    void set(long id, Settings requested, Actor actor) {
        var a = rows.require(id);
        notSelf(a, actor);
        var s = valid(requested);
        var org = organisations.require(s.orgId());
        update(id, s);
        replaceFonds(id, s.fondsIds());
        audit.record(
                actor,
                AuditedObject.ACCOUNT,
                a.username(),
                AuditOperation.SET_SCOPE,
                null,
                AuditDetail.of(
                                "audit.detail.scope",
                                org.name(),
                                s.fondsIds() == null ? AuditDetail.label("audit.detail.allFonds") : s.fondsIds(),
                                s.clearance(),
                                s.allowedNetworks() == null
                                        ? AuditDetail.label("audit.detail.anyAddress")
                                        : s.allowedNetworks(),
                                AuditDetail.label(s.totpRequired() ? "audit.detail.yes" : "audit.detail.no"))
                        .encoded());
    }

    /** The settings with the networks normalised, or every violation at once. */
    private static Settings valid(Settings s) {
        var v = new ArrayList<Violation>();
        if (s.clearance() < 1 || s.clearance() > 3) {
            v.add(Violation.of("clearance", "range", 1, 3));
        }
        String networks = AllowedNetworks.normalise(s.allowedNetworks());
        if (networks != null && networks.length() > 500) {
            v.add(Violation.of("allowedNetworks", "maxLength", 500));
        }
        v.addAll(AllowedNetworks.check(networks));
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return new Settings(s.orgId(), s.fondsIds(), s.clearance(), networks, s.totpRequired());
    }

    private void update(long id, Settings s) {
        jdbc.sql(
                        """
                update account set org_id = :org, all_fonds = :all, clearance = :c, allowed_networks = :n,
                    totp_required = :t where id = :id
                """)
                .param("org", s.orgId())
                .param("all", s.fondsIds() == null)
                .param("c", s.clearance())
                .param("n", s.allowedNetworks())
                .param("t", s.totpRequired())
                .param("id", id)
                .update();
    }

    private void replaceFonds(long id, @Nullable List<Long> fondsIds) {
        jdbc.sql("delete from account_fonds where account_id = :id")
                .param("id", id)
                .update();
        if (fondsIds != null) {
            for (Long f : fondsIds) {
                jdbc.sql("insert into account_fonds (account_id, fonds_id) values (:id, :f) on conflict do nothing")
                        .param("id", id)
                        .param("f", f)
                        .update();
            }
        }
    }
}
