/** Shared kernel: the few types every module speaks (violations, problems, not-found). Tiny and stable. */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Shared",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.siarchive.shared;

import org.jspecify.annotations.NullMarked;
