package org.siarchive.transfer;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Transfer settings: the largest package accepted (and written), the largest XML document parsed, the
 * SM2 key ids whose signatures a receipt trusts besides this platform's own transfer key, the unit
 * named as the creator of packages written here, and the threads that build and sign an export's items
 * (0: one per core; docs/adr/0125).
 */
@ConfigurationProperties("siarchive.transfer")
public record TransferSettings(
        DataSize maxPackageSize,
        DataSize maxXmlSize,
        List<String> trustedKeys,
        String unit,
        int exportThreads,
        int maxExportItems) {

    /**
     * Items one exported package may hold unless configured: an export's memory grows by about 0.8 KB per item (the
     * zip's central directory is written at its end), and 100,000 items ran in a 256 MB heap (docs/benchmarks.md).
     */
    public static final int DEFAULT_MAX_EXPORT_ITEMS = 100_000;

    public TransferSettings {
        if (maxPackageSize == null) {
            maxPackageSize = DataSize.ofMegabytes(512);
        }
        if (maxXmlSize == null) {
            maxXmlSize = DataSize.ofMegabytes(300);
        }
        trustedKeys = trustedKeys == null ? List.of() : List.copyOf(trustedKeys);
        if (unit == null || unit.isBlank()) {
            unit = "社会保险事业管理中心";
        }
        if (maxExportItems == 0) {
            maxExportItems = DEFAULT_MAX_EXPORT_ITEMS;
        }
        if (maxExportItems < 0) {
            throw new IllegalArgumentException("siarchive.transfer.max-export-items must be 1 or more");
        }
        if (exportThreads < 0) {
            throw new IllegalArgumentException("siarchive.transfer.export-threads must be 0 (one per core) or more");
        }
    }

    /** The threads an export builds and signs its items on. */
    public int exportThreadCount() {
        return exportThreads == 0 ? Runtime.getRuntime().availableProcessors() : exportThreads;
    }
}
