/**
 * Disposition (处置): the retention-expiry worklist and secrecy review, appraisal batches (鉴定) with their
 * group, opinions and the leader's approval, retention extensions, the destruction list (销毁清册) filed with
 * the HRSS department, supervised destruction (监销) that leaves a tombstone, and legal holds (冻结) that
 * stop appraisal for destruction, destruction, correction and transfer out.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Disposition",
        allowedDependencies = {
            "audit",
            "backup",
            "capture",
            "catalog",
            "crypto",
            "organisation",
            "preservation",
            "quality",
            "security",
            "shared",
            "shared :: xml"
        })
package org.siarchive.disposition;

import org.jspecify.annotations.NullMarked;
