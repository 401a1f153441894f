package org.siarchive.supervision;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.catalog.AccountNames;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Register;
import org.siarchive.shared.Registers;
import org.siarchive.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The plan results, the ranking and the rectification list as Excel (SXSSF, through {@link Registers}) or PDF
 * (CjkFont), each headed with who exported it and when (北京时间) and audited EXPORT in the same transaction.
 */
@Component
class SupervisionExports {

    private final SupervisionRegisters registers;
    private final Registers out;
    private final AuditTrail audit;
    private final ReadableTime time;
    private final MessageSource messages;
    private final AccountNames people;
    private final Organisations organisations;

    SupervisionExports(
            SupervisionRegisters registers,
            Registers out,
            AuditTrail audit,
            ReadableTime time,
            MessageSource messages,
            AccountNames people,
            Organisations organisations) {
        this.registers = registers;
        this.out = out;
        this.audit = audit;
        this.time = time;
        this.messages = messages;
        this.people = people;
        this.organisations = organisations;
    }

    /** {@code what}: results or ranking of the plan. */
    @Transactional
    ResponseEntity<byte[]> plan(InspectionPlan plan, String what, String format, Access access, Locale locale) {
        Register r =
                switch (what) {
                    case "results" -> registers.results(plan, locale);
                    case "ranking" -> registers.ranking(plan);
                    default -> throw new InvalidInputException(Violation.of("what", "code"));
                };
        var body = send(r, format, List.of(plan.planNo() + "　" + plan.title()), access, locale);
        audit.record(
                access.actor(),
                AuditedObject.INSPECTION_PLAN,
                plan.planNo(),
                AuditOperation.EXPORT,
                null,
                AuditDetail.of("audit.detail.supervisionExported", AuditDetail.label(r.titleKey()), format)
                        .encoded());
        return body;
    }

    @Transactional
    ResponseEntity<byte[]> rectifications(List<Rectification> items, String format, Access access, Locale locale) {
        Register r = registers.rectifications(items, locale);
        var body = send(r, format, List.of(), access, locale);
        audit.record(
                access.actor(),
                AuditedObject.RECTIFICATION,
                "list",
                AuditOperation.EXPORT,
                null,
                AuditDetail.of("audit.detail.supervisionExported", AuditDetail.label(r.titleKey()), format)
                        .encoded());
        return body;
    }

    private ResponseEntity<byte[]> send(Register r, String format, List<String> heading, Access access, Locale locale) {
        var preface = new ArrayList<>(heading);
        preface.add(messages.getMessage(
                "supervision.export.by",
                new Object[] {people.nameOf(access.actor().name()), time.format(Instant.now(), ReadableTime.MINUTES)},
                locale));
        byte[] body;
        MediaType type;
        switch (format) {
            case "xlsx" -> {
                body = out.xlsx(r, preface, List.of(), locale);
                type = MediaType.parseMediaType(Registers.XLSX);
            }
            case "pdf" -> {
                String org = access.actor().org() == null
                        ? ""
                        : organisations
                                .byCode(access.actor().org())
                                .map(o -> o.name())
                                .orElse("");
                body = out.pdf(r, org, preface, List.of(), locale);
                type = MediaType.APPLICATION_PDF;
            }
            default -> throw new InvalidInputException(Violation.of("format", "code"));
        }
        String name = messages.getMessage(r.titleKey(), null, locale) + "-"
                + time.today().toString().replace("-", "") + "." + format;
        return ResponseEntity.ok()
                .contentType(type)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename*=UTF-8''"
                                + URLEncoder.encode(name, StandardCharsets.UTF_8)
                                        .replace("+", "%20"))
                .body(body);
    }
}
