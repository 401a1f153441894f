/**
 * Four-property checks (四性检测, DA/T 70-2018): authenticity, integrity, usability and security checked at
 * filing (GD), at transfer and receipt (YJ) and during long-term preservation (CQ). Check items are coded
 * {@code <stage>-<property>-<n>}; each stage's set is configurable; every run keeps a report that the
 * console shows and exports as PDF and Excel. A failing item blocks filing or receipt.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Four-property checks",
        allowedDependencies = {
            "audit",
            "capture",
            "catalog",
            "integrity",
            "organisation",
            "preservation",
            "quality",
            "shared"
        })
package org.siarchive.checks;

import org.jspecify.annotations.NullMarked;
