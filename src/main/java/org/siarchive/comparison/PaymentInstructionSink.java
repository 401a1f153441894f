package org.siarchive.comparison;

import java.math.BigDecimal;

/**
 * Where payment instructions go (the business system's door): a port with a file adapter by default and an
 * HTTP adapter by configuration ({@code siarchive.comparison.payment.sink=file|http}). Delivery is at least
 * once: the receiver treats a second message with the same {@code instructionId} as the first.
 */
public interface PaymentInstructionSink {

    /** What the business system needs to act; {@code issuedAt} is Beijing time (yyyy-MM-dd HH:mm:ss). */
    record Message(
            long instructionId,
            String action,
            String scheme,
            String idNumber,
            BigDecimal amountToRecover,
            String warningNo,
            String issuedAt) {}

    /** Hands the instruction over; throws when it was not taken (the delivery job tries again). */
    void deliver(Message message) throws Exception;

    /** Where this sink delivers, for the instruction list (a file path or a URL). */
    String destination();
}
