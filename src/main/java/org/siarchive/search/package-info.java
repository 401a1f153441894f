/**
 * Search: finding items by metadata (name, ID number, 档号, category, year, 险种) behind the
 * {@link org.siarchive.search.ArchiveSearch} port. The index is a derived read model fed by catalogue
 * events and rebuildable from the catalogue; the first backend is SQL, full text replaces it later.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Search",
        allowedDependencies = {"audit", "catalog", "crypto", "platform", "shared"})
package org.siarchive.search;

import org.jspecify.annotations.NullMarked;
