package org.siarchive.digitisation;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Who may scan, who decides a scan's quality check, and who prints labels and cover sheets (docs/adr/0041);
 * the scanning station — its API, and the console's batch list, upload and progress — is open to the
 * station permission, which a vendor holds alone (docs/adr/0061).
 */
@Component
class DigitisationAccessRules implements AccessRules {

    static final String SCAN = "digitisation:scan";
    static final String SCAN_QC = "digitisation:qc";
    static final String STATION = "digitisation:station";
    static final String ITEM_READ = "catalog:item:read";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/scan-batches", "/scan-batches/*", "/scan-batches/*/progress")
                        .requires(SCAN, STATION),
                get("/scan-batches/*/items/*", "/scan-batches/*/pages/*").requires(SCAN),
                post("/scan-batches").requires(SCAN, STATION),
                post("/scan-batches/from-folder").requires(SCAN),
                post("/scan-batches/*/items/*/rescan").requires(SCAN),
                post("/api/v1/scan-batches/*/items/*/rescan").requires(STATION),
                post(
                                "/scan-batches/*/items/*/review",
                                "/scan-batches/*/items/*/confirm",
                                "/scan-batches/*/items/*/duplicate",
                                "/scan-batches/*/decision")
                        .requires(SCAN_QC),
                get("/api/v1/labels").requires(ITEM_READ),
                get("/api/v1/cover-sheets").requires(SCAN),
                get("/api/v1/scan-batches", "/api/v1/scan-batches/*").requires(STATION),
                post(
                                "/api/v1/scan-batches",
                                "/api/v1/scan-batches/*/pages",
                                "/api/v1/scan-batches/*/manifest",
                                "/api/v1/scan-batches/*/submit")
                        .requires(STATION),
                get("/api/v1/scan-batches/*/items").requires(SCAN),
                post("/api/v1/scan-batches/*/items/*/confirm").requires(SCAN_QC));
    }
}
