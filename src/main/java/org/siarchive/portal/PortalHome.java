package org.siarchive.portal;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The portal's home: what a person or an employer's agent can do here. */
@Controller
class PortalHome {

    @GetMapping("/portal")
    String home(Model model) {
        model.addAttribute("portalNav", "home");
        return "portal/home";
    }
}
