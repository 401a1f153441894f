package org.siarchive.comparison;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.siarchive.organisation.OrgUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Warnings as the engine raises them, written with SQL until the engine is merged: a rule version, a death
 * dataset and a run of the unit, then warnings (CHECKING, due in 15 working days, person unknown) with one
 * BENEFIT and one DEATH evidence row and the RAISE event. Numbers carry the test's run so classes never meet.
 */
final class WarningFixture {

    private final JdbcClient jdbc;
    private final ReferenceTokens tokens;
    private final String run;
    private final AtomicInteger seq = new AtomicInteger();

    WarningFixture(JdbcClient jdbc, ReferenceTokens tokens, String run) {
        this.jdbc = jdbc;
        this.tokens = tokens;
        this.run = run;
    }

    long ruleVersion(String ruleCode) {
        return jdbc.sql(
                        """
                insert into comparison_rule_version (rule_code, version, definition, digest, created_by)
                values (:code, 1, '{}', :digest, 'test') on conflict (rule_code, version) do update set enabled = true
                returning id""")
                .param("code", ruleCode)
                .param("digest", "0".repeat(64))
                .query(Long.class)
                .single();
    }

    long dataset(OrgUnit org) {
        return jdbc.sql(
                        """
                insert into reference_dataset (kind, source, org_id, org_path, title, format, file_sm3, state, created_by)
                values ('DEATH', 'MZ', :org, :path, '火化名单', 'CSV', :sm3, 'LOADED', 'test') returning id""")
                .param("org", org.id())
                .param("path", org.path())
                .param("sm3", Long.toHexString(ThreadLocalRandom.current().nextLong()) + run)
                .query(Long.class)
                .single();
    }

    long comparisonRun(OrgUnit org) {
        return jdbc.sql(
                        """
                insert into comparison_run (trigger_kind, org_id, org_path, as_of, state, started_by)
                values ('MANUAL', :org, :path, current_date, 'FINISHED', 'test') returning id""")
                .param("org", org.id())
                .param("path", org.path())
                .query(Long.class)
                .single();
    }

    /** A warning raised at {@code raisedAt}, due on {@code due}; returns its number. */
    String warning(
            OrgUnit org,
            String certNo,
            String ruleCode,
            BigDecimal amount,
            OffsetDateTime raisedAt,
            LocalDate due,
            long runId,
            long datasetId) {
        String no = "YJT" + run + String.format("%04d", seq.incrementAndGet());
        byte[] dedupe = new byte[32];
        ThreadLocalRandom.current().nextBytes(dedupe);
        long id = jdbc.sql(
                        """
                insert into comparison_warning (warning_no, rule_code, rule_version_id, first_run_id, last_run_id,
                    dedupe_key, token, cert_enc, name_masked, org_id, org_path, amount_at_risk, months_at_risk,
                    due_on, raised_at)
                values (:no, :rule, :version, :run, :run, :dedupe, :token, :cert, '王*', :org, :path, :amount, 3,
                    :due, :raised) returning id""")
                .param("no", no)
                .param("rule", ruleCode)
                .param("version", ruleVersion(ruleCode))
                .param("run", runId)
                .param("dedupe", dedupe)
                .param("token", tokens.token(certNo))
                .param("cert", tokens.seal(certNo))
                .param("org", org.id())
                .param("path", org.path())
                .param("amount", amount)
                .param("due", due)
                .param("raised", raisedAt)
                .query(Long.class)
                .single();
        evidence(id, 1, datasetId, "BENEFIT", "RS", "{\"scheme\":\"110\",\"amount\":\"" + amount + "\"}");
        evidence(id, 2, datasetId, "DEATH", "MZ", "{\"event_date\":\"2025-01-10\",\"subtype\":\"CREMATION\"}");
        jdbc.sql(
                        "insert into comparison_warning_event (warning_id, seq, actor, action) values (:id, 1, 'engine', 'RAISE')")
                .param("id", id)
                .update();
        return no;
    }

    private void evidence(long warningId, int seq, long datasetId, String kind, String source, String facts) {
        jdbc.sql(
                        """
                insert into comparison_warning_evidence (warning_id, seq, dataset_id, row_no, kind, source, facts)
                values (:w, :seq, :d, :seq, :kind, :source, :facts)""")
                .param("w", warningId)
                .param("seq", seq)
                .param("d", datasetId)
                .param("kind", kind)
                .param("source", source)
                .param("facts", facts)
                .update();
    }
}
