/**
 * Platform: the data directory and the embedded PostgreSQL server that SIArchive runs on when no
 * external database is configured, and the admin commands of the jar.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        allowedDependencies = {"quality", "shared"})
package org.siarchive.platform;

import org.jspecify.annotations.NullMarked;
