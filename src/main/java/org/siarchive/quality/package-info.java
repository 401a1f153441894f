/**
 * Quality: validation rules for what comes into the archive — GB 11643 citizen ID numbers, GB 32100
 * unified social credit codes, dates, code-table values, required fields and required materials of a
 * business step. Pure: callers pass everything that is to be checked, the module reads no tables.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Quality",
        allowedDependencies = {"shared"})
package org.siarchive.quality;

import org.jspecify.annotations.NullMarked;
