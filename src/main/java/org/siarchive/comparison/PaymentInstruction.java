package org.siarchive.comparison;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.jspecify.annotations.Nullable;

/** One stop/suspend instruction and its delivery: state PENDING, DELIVERED or FAILED (tried again). */
public record PaymentInstruction(
        long id,
        String warningNo,
        PaymentAction action,
        @Nullable String scheme,
        BigDecimal amountToRecover,
        String state,
        int attempts,
        @Nullable String lastError,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime attemptedAt,
        @Nullable OffsetDateTime deliveredAt,
        @Nullable String deliveredTo) {

    public String stateKey() {
        return "payment.state." + state;
    }
}
