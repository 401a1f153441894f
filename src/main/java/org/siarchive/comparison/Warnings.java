package org.siarchive.comparison;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.PersonDirectory;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Warnings as people read them: one by number within the reader's unit subtree (another unit's warning does
 * not exist for them: 404), with its evidence, history and payment instruction; the person's catalog file
 * resolved from the ID number once and remembered; the ID number in clear only for holders of
 * personal:unmask with a reason, audited (WARNING UNMASK).
 */
@Component
public class Warnings {

    static final String UNMASK = "personal:unmask";

    /** A warning's page: the warning, what matched, its history and its instruction (if any). */
    public record Detail(
            WarningView warning,
            List<Warning.Evidence> evidence,
            List<Warning.Event> events,
            Optional<PaymentInstruction> instruction) {}

    private final WarningRows rows;
    private final ReferenceTokens tokens;
    private final PersonDirectory persons;
    private final Organisations organisations;
    private final WarningLabels labels;
    private final PaymentInstructions instructions;
    private final AuditTrail audit;
    private final ReadableTime time;

    Warnings(
            WarningRows rows,
            ReferenceTokens tokens,
            PersonDirectory persons,
            Organisations organisations,
            WarningLabels labels,
            PaymentInstructions instructions,
            AuditTrail audit,
            ReadableTime time) {
        this.rows = rows;
        this.tokens = tokens;
        this.persons = persons;
        this.organisations = organisations;
        this.labels = labels;
        this.instructions = instructions;
        this.audit = audit;
        this.time = time;
    }

    /** The warning within the reader's subtree, else 404. */
    Warning row(String warningNo, Access access) {
        String no = warningNo.strip();
        if (no.isEmpty() || no.length() > 32) {
            throw new NotFoundException("WARNING", warningNo);
        }
        return rows.byNumber(no, access.scope().orgPattern(), false)
                .orElseThrow(() -> new NotFoundException("WARNING", warningNo));
    }

    public WarningView get(String warningNo, Access access) {
        return view(linked(row(warningNo, access)));
    }

    public Detail detail(String warningNo, Access access) {
        var w = linked(row(warningNo, access));
        return new Detail(view(w), rows.evidence(w.id()), rows.events(w.id()), instructions.ofWarning(w.id()));
    }

    /** The views of a worklist page. */
    public List<WarningView> views(List<Warning> page) {
        return page.stream().map(this::view).toList();
    }

    /** The ID number in clear, for a holder of personal:unmask with a reason (2–500 characters); audited. */
    @Transactional
    public String unmask(String warningNo, String reason, Access access) {
        if (!access.can(UNMASK)) {
            throw new ForbiddenException("warning.unmask.forbidden", warningNo);
        }
        String why = reason == null ? "" : reason.strip();
        if (why.length() < 2 || why.length() > 500) {
            throw new InvalidInputException(
                    why.length() < 2 ? Violation.of("reason", "required") : Violation.of("reason", "maxLength", 500));
        }
        var w = row(warningNo, access);
        audit.record(
                access.actor(),
                AuditedObject.WARNING,
                w.warningNo(),
                AuditOperation.UNMASK,
                why,
                AuditDetail.of("audit.detail.unmasked").encoded());
        return Objects.requireNonNullElse(tokens.open(w.certEnc()), "");
    }

    WarningView view(Warning w) {
        String certNo = tokens.open(w.certEnc());
        String org = organisations.byId(w.orgId()).map(OrgUnit::name).orElse("");
        var locale = LocaleContextHolder.getLocale();
        return WarningView.of(w, certNo, labels.rule(w.ruleCode(), locale), org, time.today());
    }

    /** The warning with its catalog person, found from the ID number the first time the archive knows them. */
    private Warning linked(Warning w) {
        if (w.personId() != null) {
            return w;
        }
        String certNo = tokens.open(w.certEnc());
        if (certNo == null) {
            return w;
        }
        var found = persons.idOf(certNo);
        if (found.isEmpty()) {
            return w;
        }
        rows.person(w.id(), found.get());
        return rows.byId(w.id()).orElse(w);
    }
}
