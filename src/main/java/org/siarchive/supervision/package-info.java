/**
 * Supervision and evaluation (监督考核): inspection plans per period and unit whose KPIs are computed from the data
 * (filing completeness and timeliness, metadata accuracy, digitisation, fixity, loan turnaround and overdue
 * loans), checklist items scored by an inspector, rectification items (整改) with owner and deadline tracked to
 * closure, and a ranking across units — exported as Excel and PDF.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Supervision and evaluation",
        allowedDependencies = {
            "analytics",
            "audit",
            "catalog",
            "checks",
            "digitisation",
            "integrity",
            "lending",
            "organisation",
            "security",
            "shared"
        })
package org.siarchive.supervision;

import org.jspecify.annotations.NullMarked;
