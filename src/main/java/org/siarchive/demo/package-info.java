/**
 * Demo data: persons, employers and their business records with rendered Chinese forms, loaded
 * through the real capture path (on first start with {@code siarchive.demo.enabled}, or by the jar's
 * {@code demo} command). Nothing else depends on this module.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo",
        allowedDependencies = {"capture", "catalog", "organisation", "quality", "security", "shared"})
package org.siarchive.demo;

import org.jspecify.annotations.NullMarked;
