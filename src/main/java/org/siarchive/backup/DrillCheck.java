package org.siarchive.backup;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.siarchive.audit.AuditChain;
import org.siarchive.catalog.Catalog;
import org.siarchive.integrity.FixitySweeps;
import org.springframework.stereotype.Component;

/**
 * What a restore drill proves on the restored platform: every preserved item's files re-hashed equal to
 * their registered SM3 and SHA-256, its OCFL object valid and its metadata sidecar equal to the catalogue;
 * and the audit chain verifying from its first entry to its head.
 */
@Component
public class DrillCheck {

    private final Catalog catalog;
    private final FixitySweeps sweeps;
    private final AuditChain chain;

    DrillCheck(Catalog catalog, FixitySweeps sweeps, AuditChain chain) {
        this.catalog = catalog;
        this.sweeps = sweeps;
        this.chain = chain;
    }

    public record Outcome(int items, int files, List<String> problems, long auditEntries, boolean auditIntact) {

        public boolean passed() {
            return problems.isEmpty() && auditIntact;
        }
    }

    public Outcome verify() {
        var problems = new ArrayList<String>();
        int items = 0;
        int files = 0;
        UUID after = null;
        while (true) {
            var ids = catalog.itemIdsAfter(after, 200);
            if (ids.isEmpty()) {
                break;
            }
            for (UUID id : ids) {
                var item = catalog.requireItem(id);
                if (!item.preserved()) {
                    continue;
                }
                items++;
                files += item.files().size();
                sweeps.inspect(item)
                        .forEach(f ->
                                problems.add(f.archiveCode() + " " + sweeps.describe(f, java.util.Locale.ENGLISH)));
            }
            after = ids.get(ids.size() - 1);
        }
        var report = chain.verify();
        report.findings().forEach(f -> problems.add("audit " + f.kind() + " " + f.seq() + ": " + f.detail()));
        return new Outcome(items, files, problems, report.entries(), report.intact());
    }
}
