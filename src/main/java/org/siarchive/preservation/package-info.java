/**
 * Preservation: the OCFL content store (one object per item, every change a new version), SM3 and
 * SHA-256 fixity computed in one streaming pass, format identification by content, and reads that
 * verify what they stream. Low level like a library: depends on no business module, only on crypto for its
 * digests (docs/adr/0113).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Preservation",
        allowedDependencies = {"platform", "shared", "shared :: xml", "crypto"})
package org.siarchive.preservation;

import org.jspecify.annotations.NullMarked;
