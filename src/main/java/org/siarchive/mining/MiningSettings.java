package org.siarchive.mining;

import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The bounds of a mining run, from settings: {@code siarchive.mining.item-cap} (items read at most, default 2 M,
 * at most {@value #MAX_CAP}), {@code siarchive.mining.min-support} and {@code siarchive.mining.min-confidence} of
 * association rules (defaults 0.02 and 0.5; at least {@value #LEAST_SUPPORT} and {@value #LEAST_CONFIDENCE}, so that
 * the rule list stays short and meaningful). A setting out of bounds stops the start.
 */
@Component
class MiningSettings {

    static final long MAX_CAP = 10_000_000;
    static final double LEAST_SUPPORT = 0.001;
    static final double LEAST_CONFIDENCE = 0.1;

    private final long cap;
    private final double minSupport;
    private final double minConfidence;

    MiningSettings(
            @Value("${siarchive.mining.item-cap:2000000}") long cap,
            @Value("${siarchive.mining.min-support:0.02}") double minSupport,
            @Value("${siarchive.mining.min-confidence:0.5}") double minConfidence) {
        check(cap, minSupport, minConfidence);
        this.cap = cap;
        this.minSupport = minSupport;
        this.minConfidence = minConfidence;
    }

    /** Refuses a cap or minimum out of bounds with a 422 naming it. */
    static void check(long cap, double minSupport, double minConfidence) {
        if (cap < 1 || cap > MAX_CAP) {
            throw new InvalidInputException(Violation.of("itemCap", "range", 1, MAX_CAP));
        }
        if (!(minSupport >= LEAST_SUPPORT && minSupport <= 1)) {
            throw new InvalidInputException(Violation.of("minSupport", "range", LEAST_SUPPORT, 1));
        }
        if (!(minConfidence >= LEAST_CONFIDENCE && minConfidence <= 1)) {
            throw new InvalidInputException(Violation.of("minConfidence", "range", LEAST_CONFIDENCE, 1));
        }
    }

    long cap() {
        return cap;
    }

    double minSupport() {
        return minSupport;
    }

    double minConfidence() {
        return minConfidence;
    }
}
