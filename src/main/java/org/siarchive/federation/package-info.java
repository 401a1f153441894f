/**
 * County → province federation (docs/adr/0140): a county installation pushes its catalogue upward as a signed,
 * sequenced, incremental feed; the province keeps every county's entries, searchable within each county's data
 * scope. Archives themselves travel as EEP transfer packages through the transfer module.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "County to province federation",
        allowedDependencies = {"audit", "catalog", "crypto", "organisation", "shared", "transfer"})
package org.siarchive.federation;

import org.jspecify.annotations.NullMarked;
