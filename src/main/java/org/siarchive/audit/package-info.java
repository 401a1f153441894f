/**
 * Audit: the append-only trail of who did what to which object, written in the same database
 * transaction as the change itself (a change without its entry cannot commit, and vice versa).
 * Entries form an SM3 hash chain; checkpoints of the chain head are signed with an SM2 key kept
 * outside the database, and a verification walks the chain and names the first broken link.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Audit",
        allowedDependencies = {"crypto", "shared"})
package org.siarchive.audit;

import org.jspecify.annotations.NullMarked;
