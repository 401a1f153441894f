package org.siarchive.sharing;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One verification question: why (purpose and the basis reference it needs), about whom (one subject,
 * never a list or a pattern) and what (the fields wanted).
 */
public record VerificationRequest(
        @Nullable String purpose,
        @Nullable Subject subject,
        @Nullable List<String> fields,
        @Nullable String requestRef,
        @Nullable String legalBasisRef,
        @Nullable String consentRef) {

    /** The person asked about: the ID number, and optionally the name to be matched (never echoed). */
    public record Subject(@Nullable String idNumber, @Nullable String name) {}

    public List<String> fieldsOrEmpty() {
        return fields == null
                ? List.of()
                : fields.stream().map(f -> f == null ? "" : f.strip()).toList();
    }

    public @Nullable String idNumber() {
        return subject == null ? null : subject.idNumber();
    }

    public @Nullable String name() {
        return subject == null ? null : subject.name();
    }
}
