package org.siarchive.sharing;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A registered client system of another department, as stored in {@code sharing_client}. */
public record SharingClient(
        long id,
        String code,
        String name,
        String department,
        String legalBasis,
        String purposes,
        String fields,
        int dailyQuota,
        @Nullable String networks,
        long orgId,
        @Nullable Long tokenId,
        String state,
        String registeredBy,
        OffsetDateTime registeredAt,
        @Nullable String changedBy,
        @Nullable OffsetDateTime changedAt) {

    public List<String> purposeList() {
        return split(purposes);
    }

    public List<String> fieldList() {
        return split(fields);
    }

    public List<String> networkList() {
        return networks == null ? List.of() : split(networks);
    }

    public boolean active() {
        return "ACTIVE".equals(state);
    }

    private static List<String> split(String joined) {
        return Arrays.stream(joined.split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
