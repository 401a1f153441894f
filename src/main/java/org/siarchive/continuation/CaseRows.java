package org.siarchive.continuation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.FieldCipher;
import org.siarchive.crypto.Masks;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads of cases and their steps. The one scope check of cases: a case is seen by callers whose data scope holds
 * the unit it belongs to ({@code org_path}); any other id or number answers 404, as if it did not exist.
 */
@Component
class CaseRows {

    static final String CERT = "continuation.cert_no";
    static final String NAME = "continuation.name";
    static final String AGENT_NAME = "continuation.agent_name";
    static final String AGENT_PHONE = "continuation.agent_phone";
    static final int MAX_PAGE = 200;

    /** One step of a case. */
    record Step(
            int seq,
            String step,
            OffsetDateTime at,
            String actor,
            @Nullable LocalDate dueOn,
            @Nullable String note,
            @Nullable String document) {

        public String labelKey() {
            return "continuation.step." + step;
        }
    }

    /** The person as the messages and documents need them, in clear. */
    record Person(
            String certNo,
            String name,
            @Nullable String agentName,
            @Nullable String agentPhone,
            @Nullable String agentRelation) {}

    /** Worklist filters; null means any. */
    record Filter(CaseView.@Nullable State state, CaseView.@Nullable Direction direction, boolean overdueOnly) {}

    private final JdbcClient jdbc;
    private final FieldCipher cipher;

    CaseRows(JdbcClient jdbc, FieldCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    CaseView require(String caseNo, Scope scope) {
        return jdbc.sql("select c.*, p.agency_name as peer_name from continuation_case c "
                        + "left join continuation_peer p on p.id = c.peer_id "
                        + "where c.case_no = :no and c.org_path like :scope")
                .param("no", caseNo)
                .param("scope", scope.orgPattern())
                .query(this::view)
                .optional()
                .orElseThrow(() -> new NotFoundException("CONTINUATION_CASE", caseNo));
    }

    CaseView byId(long id) {
        return jdbc.sql("select c.*, p.agency_name as peer_name from continuation_case c "
                        + "left join continuation_peer p on p.id = c.peer_id where c.id = :id")
                .param("id", id)
                .query(this::view)
                .single();
    }

    /** The case a peer's message names: our case number and that peer. */
    Optional<CaseView> forPeer(String caseNo, long peerId) {
        return jdbc.sql("select c.*, p.agency_name as peer_name from continuation_case c "
                        + "left join continuation_peer p on p.id = c.peer_id "
                        + "where c.case_no = :no and c.peer_id = :peer")
                .param("no", caseNo)
                .param("peer", peerId)
                .query(this::view)
                .optional();
    }

    /** Our case of a peer's case (a message that does not know our number yet). */
    Optional<CaseView> byRemote(String remoteCaseNo, long peerId) {
        return jdbc.sql("select c.*, p.agency_name as peer_name from continuation_case c "
                        + "left join continuation_peer p on p.id = c.peer_id "
                        + "where c.remote_case_no = :no and c.peer_id = :peer order by c.id desc limit 1")
                .param("no", remoteCaseNo)
                .param("peer", peerId)
                .query(this::view)
                .optional();
    }

    /** The worklist within scope: overdue cases first, then by deadline, then newest. */
    List<CaseView> list(Filter f, LocalDate today, int limit, Scope scope) {
        return jdbc.sql("select c.*, p.agency_name as peer_name from continuation_case c "
                        + "left join continuation_peer p on p.id = c.peer_id "
                        + "where c.org_path like :scope "
                        + "and (cast(:state as varchar) is null or c.state = :state) "
                        + "and (cast(:dir as varchar) is null or c.direction = :dir) "
                        + "and (not :overdue or (c.due_on < :today "
                        + "    and c.state not in ('COMPLETED', 'CLOSED', 'REFUSED'))) "
                        + "order by (c.due_on < :today and c.state not in ('COMPLETED', 'CLOSED', 'REFUSED')) desc, "
                        + "c.due_on nulls last, c.id desc limit :limit")
                .param("scope", scope.orgPattern())
                .param("state", f.state() == null ? null : f.state().name())
                .param("dir", f.direction() == null ? null : f.direction().name())
                .param("overdue", f.overdueOnly())
                .param("today", today)
                .param("limit", Math.max(1, Math.min(limit, MAX_PAGE)))
                .query(this::view)
                .list();
    }

    List<Step> steps(long caseId) {
        return jdbc.sql("select * from continuation_step where case_id = :id order by seq")
                .param("id", caseId)
                .query((rs, n) -> new Step(
                        rs.getInt("seq"),
                        rs.getString("step"),
                        rs.getObject("at", OffsetDateTime.class),
                        rs.getString("actor"),
                        rs.getObject("due_on", LocalDate.class),
                        rs.getString("note"),
                        rs.getString("document")))
                .list();
    }

    Person person(long caseId) {
        return jdbc.sql("select cert_enc, name_enc, agent_name_enc, agent_phone_enc, agent_relation "
                        + "from continuation_case where id = :id")
                .param("id", caseId)
                .query((rs, n) -> new Person(
                        String.valueOf(cipher.decrypt(rs.getBytes(1), CERT)),
                        String.valueOf(cipher.decrypt(rs.getBytes(2), NAME)),
                        cipher.decrypt(rs.getBytes(3), AGENT_NAME),
                        cipher.decrypt(rs.getBytes(4), AGENT_PHONE),
                        rs.getString(5)))
                .single();
    }

    private CaseView view(ResultSet rs, int n) throws SQLException {
        String proposed = rs.getString("proposed_kind");
        String peerName = rs.getString("peer_name");
        Long peerId = rs.getObject("peer_id", Long.class);
        return new CaseView(
                rs.getLong("id"),
                rs.getString("case_no"),
                CaseView.Kind.valueOf(rs.getString("kind")),
                CaseView.Direction.valueOf(rs.getString("direction")),
                rs.getString("scheme"),
                rs.getString("name_masked"),
                String.valueOf(Masks.idNumber(cipher.decrypt(rs.getBytes("cert_enc"), CERT))),
                rs.getString("gender"),
                rs.getObject("birth_date", LocalDate.class),
                peerId,
                peerName != null ? peerName : rs.getString("peer_agency"),
                rs.getString("remote_case_no"),
                rs.getString("org_path"),
                CaseView.State.valueOf(rs.getString("state")),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("overdue_noted", LocalDate.class),
                rs.getObject("applied_on", LocalDate.class),
                rs.getBoolean("outside_hukou"),
                proposed == null ? null : CaseView.Kind.valueOf(proposed),
                rs.getBigDecimal("individual_account"),
                rs.getBigDecimal("pooled_fund"),
                rs.getString("info"),
                rs.getString("refusal_reason"),
                rs.getObject("archived_item_id", UUID.class),
                rs.getObject("created_at", OffsetDateTime.class),
                rs.getObject("closed_at", OffsetDateTime.class));
    }
}
