/**
 * Security: accounts, the three separated administrators (三员分立) and the business roles, login with
 * a TOTP second factor, password and lockout policy, data scope, API tokens for machine clients, and
 * the HTTP security rules (permissions per endpoint, CSRF, headers). Other modules never call it: they
 * receive an {@link org.siarchive.shared.Access} for the caller as a controller argument.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Security",
        allowedDependencies = {"audit", "catalog", "crypto", "organisation", "shared"})
package org.siarchive.security;

import org.jspecify.annotations.NullMarked;
