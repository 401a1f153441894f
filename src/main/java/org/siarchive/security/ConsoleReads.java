package org.siarchive.security;

import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Reads of accounts, policy and tokens in the administrators' console are audited like reads of business data. */
@Component
class ConsoleReads {

    private final AuditTrail audit;
    private final TransactionTemplate tx;

    ConsoleReads(AuditTrail audit, TransactionTemplate tx) {
        this.audit = audit;
        this.tx = tx;
    }

    void read(Access access, AuditedObject type, String id) {
        tx.executeWithoutResult(s -> audit.record(access.actor(), type, id, AuditOperation.READ, null, null));
    }
}
