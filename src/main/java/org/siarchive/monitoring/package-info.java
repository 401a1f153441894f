/**
 * Security monitoring (安全监测, 等保 level 3 audit and monitoring): rules evaluated continuously over the audit
 * trail — bulk reads of person files, access outside working hours, repeated unmasking, a new network for an
 * account, bursts of failed logins or denied requests, API clients over their usual volume, exports of registers
 * — whose hits become alerts for the security administrator and the auditor, with the entries behind them,
 * acknowledged with a note. Thresholds are policy; every change is audited. A daily summary.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Security monitoring",
        allowedDependencies = {"audit", "organisation", "security", "shared"})
package org.siarchive.monitoring;

import org.jspecify.annotations.NullMarked;
