/**
 * Shared kernel: the few types every module speaks (violations, problems, not-found). Tiny and stable. Knows no
 * other module ({@code ArchitectureRulesTest}); its XML door is the named interface {@code shared :: xml}.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(displayName = "Shared")
package org.siarchive.shared;

import org.jspecify.annotations.NullMarked;
