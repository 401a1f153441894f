package org.siarchive.continuation;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditOperation;
import org.siarchive.catalog.Catalog;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.crypto.Masks;
import org.siarchive.organisation.Organisations;
import org.siarchive.quality.CitizenIdNumber;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The new agency registers the 申请表 (转入地受理): the person's ID number and name (sealed, token under
 * {@code continuation.cert_no}; gender and birth date from the number), the scheme, the kind (proposed as
 * 临时缴费账户 when the person applies outside their 户籍地 at or above the configured age), the old agency (a
 * registered peer, or named in free text for a file exchange), the 代办人, and optional scans of the 申请表 and the
 * 参保缴费凭证. Every broken rule is answered at once (422), nothing written.
 */
@Component
class Applications {

    /** The 申请表 as entered. */
    record Application(
            @Nullable String certNo,
            @Nullable String name,
            @Nullable String scheme,
            @Nullable String kind,
            @Nullable Long peerId,
            @Nullable String peerAgency,
            @Nullable Boolean outsideHukou,
            @Nullable String agentName,
            @Nullable String agentPhone,
            @Nullable String agentRelation) {

        boolean outside() {
            return Boolean.TRUE.equals(outsideHukou);
        }
    }

    /** An uploaded scan: material code (YL11 申请表 or YL08 凭证), file name and bytes. */
    record Scan(String material, String fileName, byte[] content) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;
    private final Catalog catalog;
    private final Organisations organisations;
    private final ContinuationPeers peers;
    private final CaseSteps steps;
    private final CaseRows rows;
    private final ContinuationSettings settings;
    private final ReadableTime time;

    Applications(
            JdbcClient jdbc,
            FieldCipher cipher,
            Catalog catalog,
            Organisations organisations,
            ContinuationPeers peers,
            CaseSteps steps,
            CaseRows rows,
            ContinuationSettings settings,
            ReadableTime time) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.catalog = catalog;
        this.organisations = organisations;
        this.peers = peers;
        this.steps = steps;
        this.rows = rows;
        this.settings = settings;
        this.time = time;
    }

    /** The kind the age/户籍 rule proposes for a person born on {@code birth} of {@code gender} ("1" men). */
    CaseView.Kind proposed(LocalDate birth, String gender, boolean outsideHukou, LocalDate today) {
        int age = Period.between(birth, today).getYears();
        int threshold = "1".equals(gender) ? settings.temporaryMenAge() : settings.temporaryWomenAge();
        return outsideHukou && age >= threshold ? CaseView.Kind.TEMPORARY : CaseView.Kind.TRANSFER;
    }

    @Transactional
    CaseView apply(Application a, List<Scan> scans, Access access) {
        LocalDate today = time.today();
        validate(a, scans, today);
        String cert = CitizenIdNumber.normalize(String.valueOf(a.certNo()));
        String gender = CitizenIdNumber.genderCode(cert);
        LocalDate birth = CitizenIdNumber.birthDate(cert).orElseThrow();
        CaseView.Kind proposed = proposed(birth, gender, a.outside(), today);
        CaseView.Kind kind =
                blank(a.kind()) ? proposed : CaseView.Kind.valueOf(a.kind().strip());
        var org = organisations.byPath(access.scope().orgPath()).orElse(organisations.root());
        long id = insert(
                new NewCase(
                        kind,
                        CaseView.Direction.IN,
                        a.scheme().strip(),
                        cert,
                        a.name().strip(),
                        a.peerId(),
                        a.peerId() == null ? a.peerAgency().strip() : null,
                        null,
                        org.id(),
                        org.path(),
                        CaseView.State.APPLIED,
                        strip(a.agentName()),
                        strip(a.agentPhone()),
                        strip(a.agentRelation()),
                        a.outside(),
                        proposed),
                today,
                access.actor().name());
        for (var s : scans) {
            jdbc.sql(
                            "insert into continuation_document (case_id, material, file_name, content) values (:c, :m, :f, :b)")
                    .param("c", id)
                    .param("m", s.material())
                    .param("f", s.fileName())
                    .param("b", s.content())
                    .update();
        }
        steps.opened(rows.byId(id), "APPLY", "YL11", AuditOperation.CREATE, today, access.actor());
        return rows.byId(id);
    }

    /** A case about to be written, on either side. */
    record NewCase(
            CaseView.Kind kind,
            CaseView.Direction direction,
            String scheme,
            String cert,
            String name,
            @Nullable Long peerId,
            @Nullable String peerAgency,
            @Nullable String remoteCaseNo,
            long orgId,
            String orgPath,
            CaseView.State state,
            @Nullable String agentName,
            @Nullable String agentPhone,
            @Nullable String agentRelation,
            boolean outsideHukou,
            CaseView.@Nullable Kind proposed) {}

    /** Writes the case row with a new case number; returns its id. */
    long insert(NewCase n, LocalDate today, String createdBy) {
        String cert = CitizenIdNumber.normalize(n.cert());
        return jdbc.sql(
                        """
                        insert into continuation_case (case_no, kind, direction, scheme, person_token, cert_enc, name_enc,
                            name_masked, gender, birth_date, peer_id, peer_agency, remote_case_no, org_id, org_path, state,
                            agent_name_enc, agent_phone_enc, agent_relation, created_by, applied_on, outside_hukou,
                            proposed_kind)
                        values (:no, :kind, :dir, :scheme, :token, :cert, :name, :masked, :gender, :birth, :peer,
                            :agency, :remote, :org, :path, :state, :an, :ap, :ar, :by, :on, :outside, :proposed)
                        returning id""")
                .param("no", newCaseNo(today))
                .param("kind", n.kind().name())
                .param("dir", n.direction().name())
                .param("scheme", n.scheme())
                .param("token", cipher.blindIndex(cert, CaseRows.CERT))
                .param("cert", cipher.encrypt(cert, CaseRows.CERT))
                .param("name", cipher.encrypt(n.name(), CaseRows.NAME))
                .param("masked", Masks.name(n.name()))
                .param("gender", CitizenIdNumber.genderCode(cert))
                .param("birth", CitizenIdNumber.birthDate(cert).orElse(null))
                .param("peer", n.peerId())
                .param("agency", n.peerAgency())
                .param("remote", n.remoteCaseNo())
                .param("org", n.orgId())
                .param("path", n.orgPath())
                .param("state", n.state().name())
                .param("an", cipher.encrypt(n.agentName(), CaseRows.AGENT_NAME))
                .param("ap", cipher.encrypt(n.agentPhone(), CaseRows.AGENT_PHONE))
                .param("ar", n.agentRelation())
                .param("by", createdBy)
                .param("on", today)
                .param("outside", n.outsideHukou())
                .param("proposed", n.proposed() == null ? null : n.proposed().name())
                .query(Long.class)
                .single();
    }

    private void validate(Application a, List<Scan> scans, LocalDate today) {
        var v = new ArrayList<Violation>();
        if (blank(a.certNo())) {
            v.add(Violation.of("certNo", "required"));
        } else {
            CitizenIdNumber.problem(a.certNo(), today)
                    .ifPresent(p -> v.add(Violation.of("certNo", "citizenId." + p.name())));
        }
        length(a.name(), "name", 40, true, v);
        if (blank(a.scheme())) {
            v.add(Violation.of("scheme", "required"));
        } else if (!catalog.classification()
                .insuranceTypes()
                .containsKey(a.scheme().strip())) {
            v.add(Violation.of("scheme", "codeTable", a.scheme()));
        }
        if (!blank(a.kind())
                && java.util.Arrays.stream(CaseView.Kind.values())
                        .noneMatch(k -> k.name().equals(a.kind().strip()))) {
            v.add(Violation.of("kind", "codeTable", a.kind()));
        }
        if (a.peerId() != null) {
            if (peers.byId(a.peerId()).isEmpty()) {
                v.add(new Violation(
                        "peerId", "unknownPeer", "continuation.rule.unknownPeer", List.of(a.peerId() + "")));
            }
        } else {
            length(a.peerAgency(), "peerAgency", 200, true, v);
        }
        length(a.agentName(), "agentName", 40, false, v);
        length(a.agentRelation(), "agentRelation", 40, false, v);
        if (!blank(a.agentPhone()) && !a.agentPhone().strip().matches("[0-9+() -]{5,20}")) {
            v.add(Violation.of("agentPhone", "format"));
        }
        for (var s : scans) {
            if (s.content().length > settings.maxScanSize().toBytes()) {
                v.add(Violation.of(
                        "scans", "fileTooLarge", settings.maxScanSize().toMegabytes()));
            }
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    /** ZY + region + year + a six-digit sequence. */
    private String newCaseNo(LocalDate today) {
        long seq = jdbc.sql("select nextval('continuation_case_seq')")
                .query(Long.class)
                .single();
        return "ZY" + settings.region() + today.getYear() + String.format("%06d", seq % 1_000_000);
    }

    private static void length(@Nullable String s, String field, int max, boolean required, List<Violation> v) {
        if (blank(s)) {
            if (required) {
                v.add(Violation.of(field, "required"));
            }
        } else if (s.strip().length() > max) {
            v.add(Violation.of(field, "maxLength", max));
        }
    }

    static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }

    private static @Nullable String strip(@Nullable String s) {
        return blank(s) ? null : s.strip();
    }
}
