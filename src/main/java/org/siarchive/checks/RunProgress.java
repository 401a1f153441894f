package org.siarchive.checks;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How far a running check has got, committed as it goes in its own small transaction (the console polls
 * it): the records to check, the records checked, the failures so far and the last record reached. Also
 * names the item a run checked: a filing run is opened under the 业务受理号 before the 档号 exists and is
 * linked to the item once the capture has preserved it.
 */
@Component
class RunProgress {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;

    RunProgress(JdbcClient jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /** A run's progress as the console shows it while it runs. */
    record Progress(@Nullable Integer itemsTotal, int records, int failures, @Nullable String lastRecord) {

        /** 0–100, or 0 while the number of records to check is unknown. */
        public int percent() {
            return itemsTotal == null || itemsTotal <= 0 ? 0 : (int) Math.min(100, records * 100L / itemsTotal);
        }
    }

    Progress of(long runId) {
        return jdbc.sql("select items_total, records, failures, last_record from check_run where id = :id")
                .param("id", runId)
                .query(Progress.class)
                .single();
    }

    /** The number of records the run will check, once known. */
    void expect(long runId, int itemsTotal) {
        tx.executeWithoutResult(s -> jdbc.sql("update check_run set items_total = :t where id = :id")
                .param("t", itemsTotal)
                .param("id", runId)
                .update());
    }

    /** Commits how far the run got (records checked, failures found, the last record). */
    void advance(long runId, int records, int failures, @Nullable String lastRecord) {
        tx.executeWithoutResult(s -> jdbc.sql(
                        """
                update check_run set records = :n, failures = :f, last_record = :l
                where id = :id and status = 'RUNNING'
                """)
                .param("n", records)
                .param("f", failures)
                .param("l", lastRecord == null ? null : CheckRunWriter.truncate(lastRecord, 160))
                .param("id", runId)
                .update());
    }

    /** The run checked this one item: a CQ run over one 档号, or the filing run that let the item in. */
    void checked(long runId, UUID itemId, String archiveCode) {
        tx.executeWithoutResult(s -> jdbc.sql("update check_run set item_id = :i, archive_code = :c where id = :id")
                .param("i", itemId)
                .param("c", archiveCode)
                .param("id", runId)
                .update());
    }
}
