package org.siarchive.digitisation;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/** Who may scan, who decides a scan's quality check, and who prints labels and cover sheets (docs/adr/0041). */
@Component
class DigitisationAccessRules implements AccessRules {

    static final String SCAN = "digitisation:scan";
    static final String SCAN_QC = "digitisation:qc";
    static final String ITEM_READ = "catalog:item:read";

    @Override
    public List<Rule> rules() {
        return List.of(
                get(
                                "/scan-batches",
                                "/scan-batches/*",
                                "/scan-batches/*/progress",
                                "/scan-batches/*/items/*",
                                "/scan-batches/*/pages/*")
                        .requires(SCAN),
                post("/scan-batches", "/scan-batches/from-folder").requires(SCAN),
                post("/scan-batches/*/items/*/rescan", "/api/v1/scan-batches/*/items/*/rescan")
                        .requires(SCAN),
                post(
                                "/scan-batches/*/items/*/review",
                                "/scan-batches/*/items/*/confirm",
                                "/scan-batches/*/items/*/duplicate",
                                "/scan-batches/*/decision")
                        .requires(SCAN_QC),
                get("/api/v1/labels").requires(ITEM_READ),
                get("/api/v1/cover-sheets").requires(SCAN));
    }
}
