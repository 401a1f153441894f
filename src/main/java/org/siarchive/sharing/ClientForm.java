package org.siarchive.sharing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Violation;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * A client system as the security administrator registers or changes it: text as typed (the quota and the
 * unit as strings, so a wrong one is an error beside its field), purposes and fields as ticked.
 */
public record ClientForm(
        @Nullable String code,
        @Nullable String name,
        @Nullable String department,
        @Nullable String legalBasis,
        @Nullable List<String> purposes,
        @Nullable List<String> fields,
        @Nullable String dailyQuota,
        @Nullable String networks,
        @Nullable String orgId) {

    static final int MAX_QUOTA = 100_000;

    static ClientForm blank() {
        return new ClientForm("", "", "", "", List.of(), List.of(), "100", "", null);
    }

    static ClientForm of(SharingClient c) {
        return new ClientForm(
                c.code(),
                c.name(),
                c.department(),
                c.legalBasis(),
                c.purposeList(),
                c.fieldList(),
                Integer.toString(c.dailyQuota()),
                c.networks() == null ? "" : c.networks(),
                Long.toString(c.orgId()));
    }

    public List<String> purposesOrEmpty() {
        return purposes == null ? List.of() : purposes;
    }

    public List<String> fieldsOrEmpty() {
        return fields == null ? List.of() : fields;
    }

    String text(@Nullable String s) {
        return s == null ? "" : s.strip();
    }

    /** The networks as stored: blocks stripped and comma-joined, null when none. */
    @Nullable
    String networksJoined() {
        if (networks == null || networks.isBlank()) {
            return null;
        }
        return String.join(",", blocks());
    }

    private List<String> blocks() {
        return networks == null
                ? List.of()
                : java.util.Arrays.stream(networks.split("[,，\\s]+"))
                        .filter(s -> !s.isBlank())
                        .toList();
    }

    int quota() {
        return Integer.parseInt(text(dailyQuota));
    }

    long org() {
        return Long.parseLong(text(orgId));
    }

    /** Every rule the form breaks; {@code knownPurposes} are the codes of {@code sharing_purpose}. */
    List<Violation> violations(Set<String> knownPurposes, boolean withCode) {
        var v = new ArrayList<Violation>();
        if (withCode && !text(code).matches("[A-Z0-9_-]{2,32}")) {
            v.add(Violation.of("code", "sharing.code"));
        }
        length(v, "name", name, 100);
        length(v, "department", department, 100);
        length(v, "legalBasis", legalBasis, 500);
        if (purposesOrEmpty().isEmpty()) {
            v.add(Violation.of("purposes", "required"));
        }
        new LinkedHashSet<>(purposesOrEmpty())
                .stream().filter(p -> !knownPurposes.contains(p)).forEach(p -> v.add(Violation.of("purposes", "code")));
        if (fieldsOrEmpty().isEmpty()) {
            v.add(Violation.of("fields", "required"));
        }
        fieldsOrEmpty().stream()
                .filter(f -> SharingField.parse(f).isEmpty())
                .forEach(f -> v.add(Violation.of("fields", "code")));
        try {
            int q = quota();
            if (q < 1 || q > MAX_QUOTA) {
                v.add(Violation.of("dailyQuota", "range", 1, MAX_QUOTA));
            }
        } catch (NumberFormatException e) {
            v.add(Violation.of("dailyQuota", "integer"));
        }
        networkViolations(v);
        try {
            org();
        } catch (NumberFormatException e) {
            v.add(Violation.of("orgId", "required"));
        }
        return v;
    }

    private void networkViolations(List<Violation> v) {
        if (networks != null && networks.length() > 500) {
            v.add(Violation.of("networks", "maxLength", 500));
            return;
        }
        for (String b : blocks()) {
            try {
                new IpAddressMatcher(b);
            } catch (IllegalArgumentException e) {
                v.add(Violation.of("networks", "cidr", b));
            }
        }
    }

    private void length(List<Violation> v, String field, @Nullable String value, int max) {
        String s = text(value);
        if (s.isEmpty()) {
            v.add(Violation.of(field, "required"));
        } else if (s.length() > max) {
            v.add(Violation.of(field, "maxLength", max));
        }
    }
}
