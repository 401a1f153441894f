package org.siarchive.comparison;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of warnings: rows by number within a subtree, their evidence and history, and their changes. */
@Component
class WarningRows {

    static final String COLUMNS =
            """
            w.id, w.warning_no, w.rule_code, w.rule_version_id, w.first_run_id, w.last_run_id, w.token, w.cert_enc,
            w.name_masked, w.person_id, w.org_id, w.org_path, w.state, w.amount_at_risk, w.months_at_risk,
            w.amount_to_recover, w.payment_action, w.exclusion_reason, w.finding, w.assigned_to, w.assigned_at,
            w.due_on, w.raised_at, w.decided_by, w.decided_at, w.closed_by, w.closed_at, w.evidence_item_id,
            w.reminders""";

    private final JdbcClient jdbc;

    WarningRows(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The warning when handled within the subtree {@code orgPattern}; locked for update when {@code lock}. */
    Optional<Warning> byNumber(String warningNo, String orgPattern, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from comparison_warning w where w.warning_no = :no"
                        + " and w.org_path like :org" + (lock ? " for update" : ""))
                .param("no", warningNo)
                .param("org", orgPattern)
                .query(WarningRows::warning)
                .optional();
    }

    Optional<Warning> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from comparison_warning w where w.id = :id")
                .param("id", id)
                .query(WarningRows::warning)
                .optional();
    }

    List<Warning.Evidence> evidence(long warningId) {
        return jdbc.sql(
                        """
                select seq, dataset_id, row_no, kind, source, facts from comparison_warning_evidence
                where warning_id = :id order by seq limit 200""")
                .param("id", warningId)
                .query(Warning.Evidence.class)
                .list();
    }

    List<Warning.Event> events(long warningId) {
        return jdbc.sql(
                        """
                select seq, at, actor, action, note from comparison_warning_event
                where warning_id = :id order by seq limit 500""")
                .param("id", warningId)
                .query(Warning.Event.class)
                .list();
    }

    void event(long warningId, String actor, String action, @Nullable String note) {
        jdbc.sql(
                        """
                insert into comparison_warning_event (warning_id, seq, actor, action, note)
                select :id, coalesce(max(seq), 0) + 1, :actor, :action, :note
                from comparison_warning_event where warning_id = :id""")
                .param("id", warningId)
                .param("actor", actor)
                .param("action", action)
                .param("note", note)
                .update();
    }

    void take(long id, String actor) {
        jdbc.sql("update comparison_warning set assigned_to = :a, assigned_at = now() where id = :id")
                .param("a", actor)
                .param("id", id)
                .update();
    }

    void route(long id, long orgId, String orgPath, LocalDate due) {
        jdbc.sql(
                        """
                update comparison_warning set org_id = :org, org_path = :path, due_on = :due,
                       assigned_to = null, assigned_at = null where id = :id""")
                .param("org", orgId)
                .param("path", orgPath)
                .param("due", due)
                .param("id", id)
                .update();
    }

    void confirm(long id, PaymentAction action, BigDecimal recover, String finding, String actor, LocalDate due) {
        jdbc.sql(
                        """
                update comparison_warning set state = 'CONFIRMED', outcome = 'CONFIRMED', payment_action = :action,
                       amount_to_recover = :recover, finding = :finding, decided_by = :actor, decided_at = now(),
                       due_on = :due where id = :id and state = 'CHECKING'""")
                .param("action", action.name())
                .param("recover", recover)
                .param("finding", finding)
                .param("actor", actor)
                .param("due", due)
                .param("id", id)
                .update();
    }

    void exclude(long id, String reason, String actor, LocalDate due) {
        jdbc.sql(
                        """
                update comparison_warning set state = 'EXCLUDED', outcome = 'EXCLUDED', exclusion_reason = :reason,
                       decided_by = :actor, decided_at = now(), due_on = :due where id = :id and state = 'CHECKING'""")
                .param("reason", reason)
                .param("actor", actor)
                .param("due", due)
                .param("id", id)
                .update();
    }

    void close(long id, String actor) {
        jdbc.sql(
                        """
                update comparison_warning set state = 'CLOSED', closed_by = :actor, closed_at = now()
                where id = :id and state in ('CONFIRMED', 'EXCLUDED')""")
                .param("actor", actor)
                .param("id", id)
                .update();
    }

    /** Stores the filed evidence item once (a second call finds it set). */
    boolean evidenceFiled(long id, UUID itemId, @Nullable Long personId) {
        return jdbc.sql(
                                """
                update comparison_warning set evidence_item_id = :item, person_id = coalesce(person_id, :person)
                where id = :id and evidence_item_id is null""")
                        .param("item", itemId)
                        .param("person", personId)
                        .param("id", id)
                        .update()
                == 1;
    }

    void person(long id, long personId) {
        jdbc.sql("update comparison_warning set person_id = :p where id = :id and person_id is null")
                .param("p", personId)
                .param("id", id)
                .update();
    }

    /** Open warnings past their deadline on {@code today} not yet reminded that day (at most {@code limit}). */
    List<Warning> overdueUnreminded(LocalDate today, int limit) {
        return jdbc.sql("select " + COLUMNS + " from comparison_warning w where w.state <> 'CLOSED'"
                        + " and w.due_on < :today and (w.reminded_on is null or w.reminded_on < :today)"
                        + " order by w.due_on, w.id limit " + limit)
                .param("today", today)
                .query(WarningRows::warning)
                .list();
    }

    boolean reminded(long id, LocalDate today) {
        return jdbc.sql(
                                """
                update comparison_warning set reminders = reminders + 1, reminded_on = :today
                where id = :id and (reminded_on is null or reminded_on < :today)""")
                        .param("today", today)
                        .param("id", id)
                        .update()
                == 1;
    }

    static Warning warning(ResultSet rs, int n) throws SQLException {
        String action = rs.getString("payment_action");
        String item = rs.getString("evidence_item_id");
        long person = rs.getLong("person_id");
        Long personId = rs.wasNull() ? null : person;
        return new Warning(
                rs.getLong("id"),
                rs.getString("warning_no"),
                rs.getString("rule_code"),
                rs.getLong("rule_version_id"),
                rs.getLong("first_run_id"),
                rs.getLong("last_run_id"),
                rs.getBytes("token"),
                rs.getBytes("cert_enc"),
                rs.getString("name_masked"),
                personId,
                rs.getLong("org_id"),
                rs.getString("org_path"),
                WarningState.valueOf(rs.getString("state")),
                rs.getBigDecimal("amount_at_risk"),
                rs.getInt("months_at_risk"),
                rs.getBigDecimal("amount_to_recover"),
                action == null ? null : PaymentAction.valueOf(action),
                rs.getString("exclusion_reason"),
                rs.getString("finding"),
                rs.getString("assigned_to"),
                rs.getObject("assigned_at", OffsetDateTime.class),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("raised_at", OffsetDateTime.class),
                rs.getString("decided_by"),
                rs.getObject("decided_at", OffsetDateTime.class),
                rs.getString("closed_by"),
                rs.getObject("closed_at", OffsetDateTime.class),
                item == null ? null : UUID.fromString(item),
                rs.getInt("reminders"));
    }
}
