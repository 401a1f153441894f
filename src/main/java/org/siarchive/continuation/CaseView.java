package org.siarchive.continuation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A 转移接续 case as pages and the API show it: the ID number and name masked, the agent's data not at all. */
public record CaseView(
        long id,
        String caseNo,
        Kind kind,
        Direction direction,
        String scheme,
        String nameMasked,
        String certMasked,
        @Nullable String gender,
        @Nullable LocalDate birthDate,
        @Nullable Long peerId,
        @Nullable String peerAgency,
        @Nullable String remoteCaseNo,
        String orgPath,
        State state,
        @Nullable LocalDate dueOn,
        @Nullable LocalDate overdueNoted,
        @Nullable LocalDate appliedOn,
        boolean outsideHukou,
        @Nullable Kind proposedKind,
        @Nullable BigDecimal individualAccount,
        @Nullable BigDecimal pooledFund,
        @Nullable String info,
        @Nullable String refusalReason,
        @Nullable UUID archivedItemId,
        OffsetDateTime createdAt,
        @Nullable OffsetDateTime closedAt) {

    /** 转移, 临时缴费账户, 城乡衔接. */
    public enum Kind {
        TRANSFER,
        TEMPORARY,
        SCHEME_LINK;

        public String labelKey() {
            return "continuation.kind." + name();
        }
    }

    /** IN: we are the new agency (转入地); OUT: the old one (转出地). */
    public enum Direction {
        IN,
        OUT;

        public String labelKey() {
            return "continuation.direction." + name();
        }
    }

    public enum State {
        APPLIED,
        LETTER_SENT,
        LETTER_RECEIVED,
        INFO_SENT,
        INFO_RECEIVED,
        COMPLETED,
        REFUSED,
        CLOSED;

        public String labelKey() {
            return "continuation.state." + name();
        }

        public boolean open() {
            return this != COMPLETED && this != REFUSED && this != CLOSED;
        }
    }

    /** Whether the deadline passed on {@code today}. */
    public boolean overdue(LocalDate today) {
        return state.open() && dueOn != null && dueOn.isBefore(today);
    }
}
