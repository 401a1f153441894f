package org.siarchive.comparison;

import java.nio.file.Files;
import java.nio.file.Path;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up no import is running, so a dataset still RECEIVING was cut off by a crash or a stop: it becomes
 * FAILED (interrupted), audited, and the inbox of stored uploads is emptied. Its rows never committed (they
 * load in the transaction that marks it LOADED), so nothing else is left to clean.
 */
@Component
class ReferenceReconciliation implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(ReferenceReconciliation.class);

    private final DatasetRows rows;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final Path inbox;

    ReferenceReconciliation(
            DatasetRows rows,
            AuditTrail audit,
            TransactionTemplate tx,
            @Value("${siarchive.data-dir:./data}") String dataDir) {
        this.rows = rows;
        this.audit = audit;
        this.tx = tx;
        this.inbox = Path.of(dataDir, "reference-inbox");
    }

    @Override
    public void afterSingletonsInstantiated() {
        reconcile();
    }

    /** Turns every RECEIVING dataset into FAILED (interrupted); returns how many. */
    int reconcile() {
        Integer n = tx.execute(s -> {
            var ids = rows.failAllReceiving("reference.failure.interrupted");
            for (long id : ids) {
                audit.record(
                        Actor.SYSTEM,
                        AuditedObject.REFERENCE_DATASET,
                        String.valueOf(id),
                        AuditOperation.IMPORT,
                        AuditTrail.FAILURE,
                        null,
                        AuditDetail.of("audit.detail.reference.interrupted").encoded());
            }
            return ids.size();
        });
        if (n != null && n > 0) {
            log.warn("{} reference import(s) interrupted by the last stop were marked FAILED", n);
        }
        try (var files = Files.exists(inbox) ? Files.list(inbox) : java.util.stream.Stream.<Path>empty()) {
            files.forEach(p -> p.toFile().delete());
        } catch (java.io.IOException e) {
            log.warn("reference inbox not emptied", e);
        }
        return n == null ? 0 : n;
    }
}
