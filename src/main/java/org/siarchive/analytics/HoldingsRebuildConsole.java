package org.siarchive.analytics;

import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The archivist's 重新统计 of the holdings read model (statistics:report): the rebuild runs in the background, the
 * holdings dashboard tells how far it is; a second request while one runs is refused (409).
 */
@Controller
class HoldingsRebuildConsole {

    private final HoldingsRebuild rebuild;
    private final MessageSource messages;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> {
        var t = new Thread(r, "holdings-rebuild-request");
        t.setDaemon(true);
        return t;
    });

    HoldingsRebuildConsole(HoldingsRebuild rebuild, MessageSource messages) {
        this.rebuild = rebuild;
        this.messages = messages;
    }

    @PostMapping("/statistics/holdings/rebuild")
    String rebuild(Access access, Locale locale, RedirectAttributes redirect) {
        if (rebuild.running()) {
            throw new ConflictException("statistics.rebuild.running");
        }
        background.submit(() -> rebuild.rebuild(access.actor()));
        redirect.addFlashAttribute("flash", messages.getMessage("statistics.rebuild.started", null, locale));
        return "redirect:/statistics/holdings";
    }
}
