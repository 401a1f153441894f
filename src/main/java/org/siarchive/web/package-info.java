/**
 * Web: the console's layout shell, language switching (zh-CN by default, English on request),
 * message bundles and the translation of errors into RFC 9457 problem details and error pages.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Web",
        allowedDependencies = {"shared"})
package org.siarchive.web;

import org.jspecify.annotations.NullMarked;
