/**
 * Audit: the append-only trail of who did what to which object, written in the same database
 * transaction as the change itself (a change without its entry cannot commit, and vice versa).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package org.siarchive.audit;

import org.jspecify.annotations.NullMarked;
