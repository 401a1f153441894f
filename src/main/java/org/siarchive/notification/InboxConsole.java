package org.siarchive.notification;

import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.FormErrors;
import org.siarchive.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The console's 通知 page and the bell of the top bar: the caller's own inbox, newest first, paged; a line opened or
 * marked read, or all of them; the contact details and language for SMS and e-mail (422 on the same page with what
 * was typed kept). The bell is a small fragment the top bar loads with htmx and refreshes every minute for
 * {@value #BELL_POLLS} minutes after a page was opened, then stops, so that an idle session still times out
 * (docs/adr/0099).
 */
@Controller
class InboxConsole {

    static final int BELL_POLLS = 5;

    private final NotificationInbox inbox;
    private final Contacts contacts;
    private final Notifications notifications;

    InboxConsole(NotificationInbox inbox, Contacts contacts, Notifications notifications) {
        this.inbox = inbox;
        this.contacts = contacts;
        this.notifications = notifications;
    }

    /** The contact form as typed. */
    record ContactForm(
            @Nullable String phone,
            @Nullable String email,
            @Nullable String language,
            @Nullable String sms,
            @Nullable String mail) {

        Contacts.Contact contact() {
            return new Contacts.Contact(
                    phone, email, language == null ? "" : language, "true".equals(sms), "true".equals(mail));
        }

        static ContactForm of(Contacts.Contact c) {
            return new ContactForm(
                    c.phone(), c.email(), c.language(), Boolean.toString(c.sms()), Boolean.toString(c.mail()));
        }
    }

    @GetMapping("/notifications")
    String list(
            @RequestParam(defaultValue = "0") int page,
            Access access,
            Locale locale,
            Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute("result", inbox.page(access.actor().name(), page, locale));
            model.addAttribute("formErrors", FormErrors.none());
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("result", inbox.page(access.actor().name(), 0, locale));
            model.addAttribute("formErrors", FormErrors.of(e));
        }
        return page(ContactForm.of(contacts.of(access.actor().name())), access, model);
    }

    private String page(ContactForm contact, Access access, Model model) {
        model.addAttribute("nav", "notifications");
        model.addAttribute("unread", inbox.unread(access.actor().name()));
        model.addAttribute("contact", contact);
        model.addAttribute("channels", notifications.externalChannels());
        return "notification/inbox";
    }

    @GetMapping("/notifications/bell")
    String bell(@RequestParam(defaultValue = "0") int n, Access access, Model model) {
        model.addAttribute("unread", inbox.unread(access.actor().name()));
        model.addAttribute("next", n >= 0 && n < BELL_POLLS ? n + 1 : -1);
        return "notification/bell :: bell";
    }

    @PostMapping("/notifications/{id}/read")
    String read(@PathVariable long id, @RequestParam(defaultValue = "0") int page, Access access) {
        inbox.read(id, access.actor().name());
        return "redirect:/notifications?page=" + Math.max(0, Math.min(page, NotificationInbox.MAX_PAGES - 1));
    }

    @PostMapping("/notifications/{id}/open")
    String open(@PathVariable long id, Access access) {
        String link = inbox.read(id, access.actor().name());
        return "redirect:" + (link == null ? "/notifications" : link);
    }

    @PostMapping("/notifications/read-all")
    String readAll(Access access) {
        inbox.readAll(access.actor().name());
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/contact")
    String contact(ContactForm form, Access access, Locale locale, Model model, HttpServletResponse response) {
        try {
            contacts.set(form.contact(), access.actor());
            return "redirect:/notifications?saved";
        } catch (InvalidInputException e) {
            response.setStatus(422);
            model.addAttribute("result", inbox.page(access.actor().name(), 0, locale));
            model.addAttribute("formErrors", FormErrors.of(e));
            return page(form, access, model);
        }
    }
}
