package org.siarchive.digitisation;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The rescan form on a rejected item's page ({@link Rescans}): refused files answer 422 on the same page. */
@Controller
class RescanConsole {

    private final Rescans rescans;
    private final DigitisationConsole console;

    RescanConsole(Rescans rescans, DigitisationConsole console) {
        this.rescans = rescans;
        this.console = console;
    }

    @PostMapping("/scan-batches/{id}/items/{item}/rescan")
    String rescan(
            @PathVariable UUID id,
            @PathVariable UUID item,
            @RequestParam(name = "files", required = false) @Nullable List<MultipartFile> files,
            Access access,
            HttpServletResponse response,
            Model model) {
        try {
            rescans.rescan(id, item, RescanUploads.of(files), access);
            return "redirect:/scan-batches/" + id + "/items/" + item;
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("formErrors", FormErrors.of(e).renamed(java.util.Map.of("file", "files")));
            return console.item(id, item, null, access, model);
        }
    }
}
