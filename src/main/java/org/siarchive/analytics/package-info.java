/**
 * Analytics (统计): read models counted from the business events — captures, corrections and destructions
 * of items, loans granted and originals returned, fixity findings, four-property check runs and scan batch
 * decisions — per day (北京时间), organisation and activity, read within the caller's data scope. It reads
 * no other module's tables (docs/adr/0047). The dashboards (统计分析) are drawn from these read models; the annual
 * report, supervision and data mining read them through this module's API (docs/adr/0085).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Analytics",
        allowedDependencies = {
            "audit",
            "catalog",
            "checks",
            "comparison",
            "digitisation",
            "disposition",
            "integrity",
            "lending",
            "organisation",
            "shared"
        })
package org.siarchive.analytics;

import org.jspecify.annotations.NullMarked;
