/**
 * Demo data: persons, employers and their business records with rendered Chinese forms, loaded
 * through the real capture path (on first start with {@code siarchive.demo.enabled}, or by the jar's
 * {@code demo} command), and on first start a benefit snapshot and a death list to compare (issue 17). Nothing
 * else depends on this module.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Demo",
        allowedDependencies = {
            "capture",
            "catalog",
            "comparison",
            "organisation",
            "portal",
            "quality",
            "security",
            "shared"
        })
package org.siarchive.demo;

import org.jspecify.annotations.NullMarked;
