/**
 * Analytics (统计): read models counted from the business events — captures, corrections and destructions
 * of items, loans granted and originals returned, fixity findings, four-property check runs and scan batch
 * decisions — per day (北京时间), organisation and activity, read within the caller's data scope. It reads
 * no other module's tables and nothing depends on it (docs/adr/0047); dashboards, cross-department
 * comparisons and the risk-warning worklist build on it.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {"catalog", "checks", "digitisation", "integrity", "lending", "shared"})
package org.siarchive.analytics;

import org.jspecify.annotations.NullMarked;
