/**
 * Sharing (共享核验) with other departments: client systems registered by the security administrator with a
 * legal basis, allowed purposes and fields, a daily quota and networks; verification requests that state a
 * purpose and a subject and get the minimum answer, never a bulk extract; and the exchange register (交换登记)
 * of every request and answer, which the auditor searches and exports and a person can read about themself.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Sharing",
        allowedDependencies = {
            "audit",
            "catalog",
            "comparison",
            "crypto",
            "organisation",
            "quality",
            "security",
            "shared"
        })
package org.siarchive.sharing;

import org.jspecify.annotations.NullMarked;
