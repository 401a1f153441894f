/**
 * Lending (利用): requests for the electronic use of archives with approval by role and level (two steps
 * for sensitive items) that become time-limited grants; viewing in the browser as pages with a watermark
 * (user, time, address) burned in, download and print only when granted; physical loans of paper
 * originals with due dates, reminders, extensions and returns; the utilisation register and its statistics.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Lending",
        allowedDependencies = {"audit", "catalog", "organisation", "preservation", "shared"})
package org.siarchive.lending;

import org.jspecify.annotations.NullMarked;
