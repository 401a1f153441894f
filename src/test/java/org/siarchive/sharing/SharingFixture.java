package org.siarchive.sharing;

import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.siarchive.comparison.ReferenceTokens;
import org.siarchive.organisation.OrgUnit;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Reference snapshots for verification answers, written as the reference import would leave them: one
 * LOADED dataset per kind with rows keyed by {@link ReferenceTokens} (the import part is built in parallel).
 */
record SharingFixture(JdbcClient jdbc, ReferenceTokens tokens, OrgUnit unit) {

    long dataset(String kind) {
        return jdbc.sql(
                        """
                insert into reference_dataset (kind, source, org_id, org_path, title, as_of, format, file_sm3, state,
                    created_by, finished_at)
                values (:kind, 'RS', :org, :path, :title, current_date, 'API', :sm3, 'LOADED', 'test', now())
                returning id""")
                .param("kind", kind)
                .param("org", unit.id())
                .param("path", unit.path())
                .param("title", "共享核验测试快照")
                .param("sm3", Long.toHexString(ThreadLocalRandom.current().nextLong()) + System.nanoTime())
                .query(Long.class)
                .single();
    }

    void row(
            long dataset, int rowNo, String certNo, String scheme, LocalDate since, String status, LocalDate lastPaid) {
        jdbc.sql(
                        """
                insert into reference_row (dataset_id, row_no, token, cert_enc, name_masked, scheme, status,
                    start_date, last_paid, agency_code)
                values (:d, :n, :token, :enc, '张*', :scheme, :status, :since, :paid, :agency)""")
                .param("d", dataset)
                .param("n", rowNo)
                .param("token", tokens.token(certNo))
                .param("enc", tokens.seal(certNo))
                .param("scheme", scheme)
                .param("status", status)
                .param("since", since)
                .param("paid", lastPaid)
                .param("agency", unit.code())
                .update();
    }
}
