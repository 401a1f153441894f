/**
 * Data comparison (数据比对) and risk warnings (风险预警): reference datasets imported from the business system
 * (benefit recipients, enrolments, contribution bases) and from other departments (deaths, sentences, exits,
 * other regions' payments and enrolments, 低保/特困 lists) — ID numbers kept only as HMAC-SM3 tokens and SM4
 * ciphertext; a rule catalogue kept as versioned configuration; an in-process hash-join engine on the tokens;
 * runs with their inputs, rule versions and counts; and the warnings worklist 核查中 → 已确认/已排除 → 已结案,
 * whose confirmed cases issue payment instructions and file their evidence into the archive (category 09).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Data comparison and warnings",
        allowedDependencies = {
            "audit",
            "capture",
            "catalog",
            "cluster",
            "crypto",
            "organisation",
            "quality",
            "shared",
            "shared :: xml"
        })
package org.siarchive.comparison;

import org.jspecify.annotations.NullMarked;
