package org.siarchive.security;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** An account as the administrators see it (never with its hash or TOTP secret). */
public record Account(
        long id,
        String username,
        String displayName,
        long orgId,
        String orgCode,
        String orgName,
        String orgPath,
        String status,
        Set<Role> roles,
        boolean allFonds,
        List<Long> fondsIds,
        int clearance,
        @Nullable String allowedNetworks,
        boolean totpEnabled,
        boolean totpRequired,
        boolean mustChange,
        OffsetDateTime passwordChangedAt,
        int failedLogins,
        @Nullable OffsetDateTime lockedUntil,
        OffsetDateTime createdAt,
        String createdBy,
        @Nullable String approvedBy,
        @Nullable OffsetDateTime lastLoginAt,
        @Nullable String lastLoginIp) {

    public boolean administrator() {
        return roles.stream().anyMatch(Role::administrator);
    }

    public boolean locked(OffsetDateTime now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }
}
