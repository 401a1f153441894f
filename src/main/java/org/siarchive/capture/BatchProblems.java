package org.siarchive.capture;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.KeyedException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Violation;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A refused batch item's problem (RFC 9457 members), worded as the single capture's answer would be: the
 * same type, title, detail and per-field errors, plus the item's {@code index} in the batch.
 */
@Component
class BatchProblems {

    private final MessageSource messages;

    BatchProblems(MessageSource messages) {
        this.messages = messages;
    }

    Map<String, Object> of(int index, RuntimeException e, Locale locale) {
        var p = new LinkedHashMap<String, Object>();
        if (e instanceof InvalidInputException invalid) {
            fill(p, 422, "invalid-input", locale, invalid.violations().size());
            p.put(
                    "errors",
                    invalid.violations().stream().map(v -> error(v, locale)).toList());
        } else if (e instanceof ConflictException conflict) {
            fill(p, 409, "conflict", locale);
            p.put("detail", text(conflict, locale));
        } else if (e instanceof NotFoundException missing) {
            fill(p, 404, "not-found", locale, missing.objectId());
        } else if (e instanceof KeyedException keyed) {
            fill(p, 400, "bad-request", locale);
            p.put("detail", text(keyed, locale));
        } else {
            fill(p, 500, "internal", locale);
        }
        p.put("index", index);
        return p;
    }

    private void fill(Map<String, Object> p, int status, String kind, Locale locale, Object... args) {
        p.put("type", "urn:siarchive:problem:" + kind);
        p.put("title", messages.getMessage("problem." + kind + ".title", null, kind, locale));
        p.put("status", status);
        p.put("detail", messages.getMessage("problem." + kind + ".detail", args, "", locale));
    }

    private String text(KeyedException e, Locale locale) {
        return messages.getMessage(e.messageKey(), e.args().toArray(), e.messageKey(), locale);
    }

    private Map<String, String> error(Violation v, Locale locale) {
        String label = messages.getMessage("field." + v.field().replaceAll("\\[\\d+]", "[]"), null, v.field(), locale);
        String message = messages.getMessage(v.messageKey(), v.args().toArray(), v.rule(), locale);
        String text =
                messages.getMessage("violation.format", new Object[] {label, message}, label + ": " + message, locale);
        return Map.of("field", v.field(), "rule", v.rule(), "message", text);
    }

    static List<String> kinds() {
        return List.of("invalid-input", "conflict", "not-found", "bad-request", "internal");
    }
}
