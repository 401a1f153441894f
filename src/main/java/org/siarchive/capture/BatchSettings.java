package org.siarchive.capture;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Batch intake and group commit (docs/adr/0111, 0112): how many items and bytes one batch may carry, how
 * many items one group commit takes at most, how many object versions it writes at once, and whether
 * single captures arriving together share a group commit too.
 */
@ConfigurationProperties("siarchive.capture.batch")
public record BatchSettings(
        int maxItems, @Nullable DataSize maxTotalSize, int maxGroupItems, int writers, @Nullable Boolean groupSingles) {

    public BatchSettings {
        if (maxItems <= 0) {
            maxItems = 200;
        }
        if (maxTotalSize == null) {
            maxTotalSize = DataSize.ofMegabytes(512);
        }
        if (maxGroupItems <= 0) {
            maxGroupItems = 256;
        }
        if (writers <= 0) {
            writers = 2;
        }
        if (groupSingles == null) {
            groupSingles = Boolean.TRUE;
        }
    }

    public DataSize totalSize() {
        return maxTotalSize == null ? DataSize.ofMegabytes(512) : maxTotalSize;
    }

    public boolean singlesShareGroups() {
        return !Boolean.FALSE.equals(groupSingles);
    }
}
