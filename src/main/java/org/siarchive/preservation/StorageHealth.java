package org.siarchive.preservation;

import java.io.IOException;
import java.nio.file.Files;
import org.siarchive.platform.DataDirectory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Actuator health of the preservation store: on disk writable, and free space above the alert threshold; in S3
 * the bucket reachable with the OCFL root in it (a failed request is DOWN with its error).
 */
@Component("preservationStore")
class StorageHealth extends AbstractHealthIndicator {

    private final DataDirectory data;
    private final DataSize minFree;
    private final Preservation preservation;

    StorageHealth(
            DataDirectory data,
            @Value("${siarchive.preservation.min-free-space:512MB}") DataSize minFree,
            Preservation preservation) {
        this.data = data;
        this.minFree = minFree;
        this.preservation = preservation;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws IOException {
        var root = preservation.store().root();
        if (!root.local()) {
            // a bucket has no free space to watch: reachable, and holding the OCFL root's declaration
            builder.withDetail("root", root.description());
            if (root.holdsAnything("")) {
                builder.up();
            } else {
                builder.down().withDetail("reason", "store root not found in the bucket");
            }
            return;
        }
        var ocfl = data.resolve("ocfl");
        var store = Files.getFileStore(ocfl);
        long free = store.getUsableSpace();
        builder.withDetail("root", ocfl.toString())
                .withDetail("freeBytes", free)
                .withDetail("totalBytes", store.getTotalSpace())
                .withDetail("minFreeBytes", minFree.toBytes());
        if (!Files.isWritable(ocfl)) {
            builder.down().withDetail("reason", "store root not writable");
        } else if (free < minFree.toBytes()) {
            builder.outOfService().withDetail("reason", "free space below threshold");
        } else {
            builder.up();
        }
    }
}
