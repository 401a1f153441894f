/**
 * Annual statistics report (年度统计报表): the 社会保险业务档案管理基本情况统计表 of a year and an organisation
 * subtree — 卷/件 held by retention, received, transferred, destroyed and used — computed from the catalogue,
 * disposition and lending data, with the figures the platform cannot know (building areas, equipment) entered by
 * hand and kept per year; exported in the official layout (Excel, PDF) and, once submitted, archived as a
 * category 08 record kept permanently. A city's report is the sum of its counties'.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Annual statistics report",
        allowedDependencies = {
            "analytics",
            "audit",
            "capture",
            "catalog",
            "disposition",
            "lending",
            "organisation",
            "quality",
            "shared",
            "transfer"
        })
package org.siarchive.reporting;

import org.jspecify.annotations.NullMarked;
