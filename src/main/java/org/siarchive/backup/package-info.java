/**
 * Backup and restore: the database copied table by table from one consistent snapshot and the OCFL store,
 * every file SM4-GCM encrypted and listed with its SM3, the keys never included (they go to the key escrow,
 * ADR 0034); a restore onto an empty data directory with the keys, and a drill that restores and then
 * proves every item's digests and the audit chain.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Backup and restore",
        allowedDependencies = {"audit", "catalog", "crypto", "integrity", "platform", "preservation", "shared"})
package org.siarchive.backup;

import org.jspecify.annotations.NullMarked;
