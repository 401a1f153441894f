package org.siarchive.comparison;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words people read for a warning's codes: a rule's name from {@code comparison.rule.name.<CODE>} (the
 * rule catalogue's keys), falling back to a generic 比对规则 label for a rule without one, and a data source's
 * name ({@code warning.source.<CODE>}, the DATA_SOURCE code table's seed wording). Pages call it as
 * {@code @warningLabels}.
 */
@Component("warningLabels")
public class WarningLabels {

    private final MessageSource messages;

    WarningLabels(MessageSource messages) {
        this.messages = messages;
    }

    public String rule(String code, Locale locale) {
        String name = messages.getMessage(RuleDefinition.labelKey(code), null, null, locale);
        return name != null ? name : messages.getMessage("warning.rule.unnamed", null, "", locale);
    }

    public String source(String code, Locale locale) {
        String name = messages.getMessage("warning.source." + code, null, null, locale);
        return name != null ? name : messages.getMessage("warning.source.other", null, "", locale);
    }
}
