/**
 * Integrity: fixity sweeps over the whole store — content re-hashed with SM3 and SHA-256 against the
 * catalogue, OCFL inventories validated, sidecars compared with the catalogue — rate-limited, resumable,
 * with findings per item and an alert on any. (More of DA/T 70's long-term-preservation checks follow.)
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Integrity",
        allowedDependencies = {"audit", "catalog", "organisation", "platform", "preservation", "shared", "shared :: xml"
        })
package org.siarchive.integrity;

import org.jspecify.annotations.NullMarked;
