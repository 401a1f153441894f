package org.siarchive.catalog;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The location register under the containers pages: the list of 库房/架/层/格 of the fonds in scope, the form
 * registering one, and placing a box or volume (上架) from its own page. Refused forms come back with the errors
 * beside the fields and the input kept (422).
 */
@Controller
class LocationsConsole {

    record LocationForm(String fondsCode, String room, String shelf, String layer, String cell, String note) {}

    private final StorageLocations locations;
    private final Catalog catalog;

    LocationsConsole(StorageLocations locations, Catalog catalog) {
        this.locations = locations;
        this.catalog = catalog;
    }

    @GetMapping("/locations")
    String list(Access access, Model model) {
        return view(new LocationForm("", "", "", "", "", ""), access, model);
    }

    @PostMapping("/locations")
    String register(
            @RequestParam(defaultValue = "") String fondsCode,
            @RequestParam(defaultValue = "") String room,
            @RequestParam(defaultValue = "") String shelf,
            @RequestParam(defaultValue = "") String layer,
            @RequestParam(defaultValue = "") String cell,
            @RequestParam(defaultValue = "") String note,
            Access access,
            Model model,
            HttpServletResponse response) {
        try {
            locations.register(fondsCode, room, shelf, layer, cell, note, access);
            return "redirect:/locations";
        } catch (InvalidInputException | ConflictException e) {
            refused(e, "room", response, model);
            return view(new LocationForm(fondsCode, room, shelf, layer, cell, note), access, model);
        }
    }

    @PostMapping("/boxes/{id}/location")
    String placeBox(@PathVariable long id, @RequestParam(defaultValue = "0") long locationId, Access access) {
        locations.placeBox(id, locationId, access);
        return "redirect:/boxes/" + id;
    }

    @PostMapping("/volumes/{id}/location")
    String placeVolume(@PathVariable long id, @RequestParam(defaultValue = "0") long locationId, Access access) {
        locations.placeVolume(id, locationId, access);
        return "redirect:/volumes/" + id;
    }

    private String view(LocationForm form, Access access, Model model) {
        model.addAttribute("nav", "volumes");
        model.addAttribute("locations", locations.list(access.scope()));
        model.addAttribute("fonds", catalog.classification().fonds());
        model.addAttribute("form", form);
        model.addAttribute("canManage", access.can(CatalogAccessRules.CONTAINER_MANAGE));
        return "catalog/locations";
    }

    private static void refused(RuntimeException e, String conflictField, HttpServletResponse response, Model model) {
        response.setStatus(422);
        var errors = e instanceof InvalidInputException invalid
                ? FormErrors.of(invalid)
                : FormErrors.of(List.of(new Violation(
                        conflictField,
                        "conflict",
                        ((ConflictException) e).messageKey(),
                        ((ConflictException) e).args())));
        model.addAttribute("formErrors", errors);
    }
}
