package org.siarchive.continuation;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * 转移接续 settings: this agency's region code (行政区划代码) and name as they appear in messages, the fonds the
 * case documents are filed into, the working days each step may take (domain.md §11: 15), the ages from which a
 * person applying outside their 户籍地 is proposed a temporary account (临时缴费账户; men 50, women 40 —
 * configuration, not law in code), the largest envelope accepted and how long a peer may take to answer.
 */
@ConfigurationProperties("siarchive.continuation")
public record ContinuationSettings(
        @Nullable String regionCode,
        @Nullable String agency,
        @Nullable String fondsCode,
        @Nullable Integer stepDays,
        @Nullable Integer temporaryMenAge,
        @Nullable Integer temporaryWomenAge,
        @Nullable DataSize maxEnvelopeSize,
        @Nullable DataSize maxScanSize,
        @Nullable Duration peerTimeout) {

    public ContinuationSettings {
        regionCode = regionCode == null || regionCode.isBlank() ? "000000" : regionCode.strip();
        agency = agency == null || agency.isBlank() ? "社会保险事业管理中心" : agency.strip();
        fondsCode = fondsCode == null || fondsCode.isBlank() ? "0001" : fondsCode.strip();
        stepDays = stepDays == null ? 15 : stepDays;
        temporaryMenAge = temporaryMenAge == null ? 50 : temporaryMenAge;
        temporaryWomenAge = temporaryWomenAge == null ? 40 : temporaryWomenAge;
        maxEnvelopeSize = maxEnvelopeSize == null ? DataSize.ofMegabytes(256) : maxEnvelopeSize;
        maxScanSize = maxScanSize == null ? DataSize.ofMegabytes(10) : maxScanSize;
        peerTimeout = peerTimeout == null ? Duration.ofMinutes(5) : peerTimeout;
    }

    String region() {
        return java.util.Objects.requireNonNull(regionCode);
    }

    String agencyName() {
        return java.util.Objects.requireNonNull(agency);
    }

    String fonds() {
        return java.util.Objects.requireNonNull(fondsCode);
    }

    int days() {
        return java.util.Objects.requireNonNull(stepDays);
    }
}
