package org.siarchive.backup;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The backups taken so far, from their audit entries (every backup records one when it is complete), each
 * with the time it expires: its creation time plus the backup retention the operators keep
 * ({@code siarchive.backup.retention}, default one year). A destruction lists those that still hold the
 * destroyed content until they expire (docs/adr/0069).
 */
@Component
public class BackupHistory {

    /** One backup: where it was written, when, and until when it is kept. */
    public record Taken(String target, OffsetDateTime takenAt, OffsetDateTime expiresAt) {}

    private final AuditTrail audit;
    private final Duration retention;

    BackupHistory(AuditTrail audit, @Value("${siarchive.backup.retention:P365D}") Duration retention) {
        this.audit = audit;
        this.retention = retention;
    }

    /** Backups taken after {@code since} that have not expired at {@code now}, oldest first. */
    public List<Taken> holdingSince(OffsetDateTime since, OffsetDateTime now) {
        return audit.ofOperation(AuditedObject.BACKUP, AuditOperation.BACKUP).stream()
                .filter(e -> !e.at().isBefore(since))
                .map(e -> new Taken(e.objectId(), e.at(), e.at().plus(retention)))
                .filter(t -> t.expiresAt().isAfter(now))
                .toList();
    }
}
