/**
 * Backup and restore: the database copied table by table from one consistent snapshot, the OCFL store
 * and the key files copied beside it, every file of the backup listed with its SM3; a restore onto an
 * empty data directory, and a drill that restores and then proves every item's digests and the audit
 * chain.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Backup and restore")
package org.siarchive.backup;

import org.jspecify.annotations.NullMarked;
