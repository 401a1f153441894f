package org.siarchive.sharing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Register;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** The exchange register as a {@link Register} for Excel: codes worded in the reader's language. */
@Component
class ExchangeSheets {

    private static final List<Register.Column> COLUMNS = List.of(
            Register.Column.of("sharing.register.at", 18),
            Register.Column.of("sharing.register.client", 20),
            Register.Column.of("sharing.register.department", 18),
            Register.Column.of("sharing.register.requestRef", 16),
            Register.Column.of("sharing.register.purpose", 14),
            Register.Column.of("sharing.register.basis", 20),
            Register.Column.of("sharing.register.subject", 20),
            Register.Column.of("sharing.register.requested", 30),
            Register.Column.of("sharing.register.answered", 30),
            Register.Column.of("sharing.register.result", 10),
            Register.Column.of("sharing.register.refusal", 24),
            Register.Column.of("sharing.register.address", 16),
            Register.Column.of("sharing.register.duration", 10));

    private final MessageSource messages;

    ExchangeSheets(MessageSource messages) {
        this.messages = messages;
    }

    Register register(List<ExchangeRegister.Line> lines, Locale locale) {
        var rows = lines.stream()
                .map(l -> Arrays.<Object>asList(
                        l.at(),
                        l.clientName(),
                        nz(l.department()),
                        nz(l.requestRef()),
                        purpose(l.purpose(), locale),
                        nz(l.legalBasisRef() != null ? l.legalBasisRef() : l.consentRef()),
                        nz(l.subjectMasked()),
                        fields(l.fieldsRequested(), locale),
                        fields(l.fieldsAnswered(), locale),
                        result(l.result(), locale),
                        l.refusal() == null ? "" : label("sharing.refusal." + l.refusal(), l.refusal(), locale),
                        nz(l.remoteAddr()),
                        l.durationMs() == null ? "" : l.durationMs()))
                .<List<?>>map(r -> r)
                .toList();
        return new Register("sharing.register.title", COLUMNS, rows);
    }

    String purpose(@Nullable String code, Locale locale) {
        return code == null ? "" : label("sharing.purpose." + code, code, locale);
    }

    String result(String code, Locale locale) {
        return label("sharing.result." + code, code, locale);
    }

    String fields(@Nullable String joined, Locale locale) {
        if (joined == null || joined.isBlank()) {
            return "";
        }
        return Arrays.stream(joined.split(","))
                .map(f -> label("sharing.field." + f, f, locale))
                .collect(Collectors.joining("、"));
    }

    private String label(String key, String fallback, Locale locale) {
        return messages.getMessage(key, null, fallback, locale);
    }

    private static String nz(@Nullable String s) {
        return s == null ? "" : s;
    }
}
