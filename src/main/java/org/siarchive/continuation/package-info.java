/**
 * Transfer and continuation of pension relationships (转移接续) between agencies: the case from the 申请表 at the
 * new agency, through the 联系函 and the old agency's 信息表 with the person's archive as a signed EEP package,
 * to its receipt (YJ checks) and continuation; each step with its 15-working-day deadline on the working-day
 * calendar, overdue warnings, and the case's documents archived on both sides. Messages travel between two
 * installations over their APIs or as signed files for any other system.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Transfer and continuation",
        allowedDependencies = {
            "audit",
            "capture",
            "catalog",
            "checks",
            "crypto",
            "organisation",
            "preservation",
            "quality",
            "security",
            "shared",
            "shared :: xml",
            "transfer"
        })
package org.siarchive.continuation;

import org.jspecify.annotations.NullMarked;
