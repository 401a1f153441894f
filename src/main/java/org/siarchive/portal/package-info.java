/**
 * The online service (网上服务) for insured persons and employers, at {@code /portal}: its own security filter
 * chain and session cookie, no way into the staff console. Persons see their own archive and obtain
 * certificates; employers submit e-materials into a submission inbox that clerks accept into capture or
 * return. Phones first (390 px), equally usable on a desktop (docs/adr/0100).
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Online service",
        allowedDependencies = {
            "audit",
            "capture",
            "catalog",
            "certificates",
            "continuation",
            "crypto",
            "lending",
            "notification",
            "organisation",
            "quality",
            "security",
            "shared",
            "sharing"
        })
package org.siarchive.portal;

import org.jspecify.annotations.NullMarked;
