/**
 * Crypto: 国密 primitives for the rest of the platform. SM4-GCM field encryption under data keys that
 * are wrapped by a master key kept outside the database, HMAC-SM3 blind indexes for exact lookup of
 * encrypted values, SM2 signing keys, SM3 digests, and the masking conventions for display. Low level
 * like a library: depends on the platform only.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Crypto",
        allowedDependencies = {"platform", "shared"})
package org.siarchive.crypto;

import org.jspecify.annotations.NullMarked;
