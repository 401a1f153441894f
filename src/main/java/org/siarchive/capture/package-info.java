/**
 * Capture: intake of items from business systems and the console. Validates with {@code quality},
 * stages and identifies files with {@code preservation}, registers with {@code catalog}, and only
 * acknowledges once the catalogue row and the preserved object version are both durable. Start-up
 * reconciliation finishes or quarantines whatever a crash interrupted.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Capture",
        allowedDependencies = {"audit", "catalog", "cluster", "crypto", "preservation", "quality", "shared"})
package org.siarchive.capture;

import org.jspecify.annotations.NullMarked;
