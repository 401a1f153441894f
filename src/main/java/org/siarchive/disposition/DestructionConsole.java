package org.siarchive.disposition;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.ForbiddenException;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.KeyedException;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The console's 执行销毁 screen of an approved batch: the executor types method and place, each of the two
 * 监销人 types their login, password and current code on this screen. Bad input is a 422 with each error
 * beside its field; a broken rule (409) or an unfit supervisor (403) comes back on the same page with the
 * reason; everything typed except passwords and codes is kept.
 */
@Controller
class DestructionConsole {

    /** What the form holds (passwords and codes are never sent back). */
    record DestructionForm(String method, String place, String supervisor1, String supervisor2) {}

    /** The batch as the page shows it. */
    record BatchView(long id, String batchNo, String state, String listNo, int toDestroy, boolean destroyed) {}

    private final Destructions destructions;
    private final DestructionChecks checks;
    private final JdbcClient jdbc;
    private final MessageSource messages;

    DestructionConsole(Destructions destructions, DestructionChecks checks, JdbcClient jdbc, MessageSource messages) {
        this.destructions = destructions;
        this.checks = checks;
        this.jdbc = jdbc;
        this.messages = messages;
    }

    @GetMapping("/disposition/batches/{id}/destruction")
    String form(@PathVariable String id, Access access, Model model) {
        var batch = view(DestructionApi.batchId(id), access);
        return page(batch, new DestructionForm("电子数据彻底删除", "", "", ""), model);
    }

    @PostMapping("/disposition/batches/{id}/destruction")
    String execute(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String method,
            @RequestParam(defaultValue = "") String place,
            @RequestParam(defaultValue = "") String supervisor1,
            @RequestParam(defaultValue = "") String password1,
            @RequestParam(defaultValue = "") String code1,
            @RequestParam(defaultValue = "") String supervisor2,
            @RequestParam(defaultValue = "") String password2,
            @RequestParam(defaultValue = "") String code2,
            Access access,
            Model model,
            Locale locale,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        long batchId = DestructionApi.batchId(id);
        var batch = view(batchId, access);
        var form = new DestructionForm(method, place, supervisor1, supervisor2);
        var request = new Destructions.Request(
                method,
                place,
                new Destructions.Supervisor(supervisor1, password1, code1),
                new Destructions.Supervisor(supervisor2, password2, code2));
        try {
            var done = destructions.execute(batchId, request, access);
            redirect.addFlashAttribute(
                    "flash",
                    messages.getMessage(
                            "disposition.destruction.done",
                            new Object[] {done.timings().items()},
                            locale));
            return "redirect:/disposition/batches/" + batchId + "/destruction";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute(
                    "formErrors",
                    FormErrors.of(e)
                            .renamed(java.util.Map.of(
                                    "supervisor1.login",
                                    "supervisor1",
                                    "supervisor1.password",
                                    "password1",
                                    "supervisor1.code",
                                    "code1",
                                    "supervisor2.login",
                                    "supervisor2",
                                    "supervisor2.password",
                                    "password2",
                                    "supervisor2.code",
                                    "code2")));
            return page(batch, form, model);
        } catch (ConflictException | ForbiddenException e) {
            response.setStatus(e instanceof ConflictException ? 409 : 403);
            model.addAttribute("refusal", text(e, locale));
            return page(batch, form, model);
        }
    }

    private String text(KeyedException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args().toArray(), e.messageKey(), locale);
    }

    private BatchView view(long batchId, Access access) {
        var b = checks.batchInScope(batchId, access.scope());
        int n = jdbc.sql("select count(*) from appraisal_item where batch_id = :b and decision = 'DESTROY'")
                .param("b", batchId)
                .query(Integer.class)
                .single();
        boolean destroyed = jdbc.sql("select exists (select 1 from destruction where batch_id = :b)")
                .param("b", batchId)
                .query(Boolean.class)
                .single();
        return new BatchView(batchId, b.batchNo(), b.state(), b.listNo() == null ? "" : b.listNo(), n, destroyed);
    }

    private static String page(BatchView batch, DestructionForm form, Model model) {
        model.addAttribute("nav", "disposition");
        model.addAttribute("batch", batch);
        model.addAttribute("form", form);
        if (!model.containsAttribute("formErrors")) {
            model.addAttribute("formErrors", FormErrors.none());
        }
        return "disposition/destruction";
    }
}
