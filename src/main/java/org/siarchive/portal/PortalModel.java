package org.siarchive.portal;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Puts the signed-in portal user (or null) in every portal page's model, for the layout's navigation. */
@ControllerAdvice(basePackageClasses = PortalModel.class)
class PortalModel {

    @ModelAttribute("portalUser")
    @Nullable
    PortalUser portalUser(@Nullable Authentication authentication) {
        return authentication instanceof PortalAuthentication p ? p.getPrincipal() : null;
    }
}
