package org.siarchive.federation;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One batch of the catalogue feed as it travels (JSON; the signature covers its exact bytes): the county's unit
 * code, its sequence number (1, 2, …, no gaps) and the entries changed since the previous batch. The person is
 * carried only as the token the county's search read model keeps, never as an ID number.
 */
record FeedBatch(String county, long sequence, List<Entry> entries) {

    /** A catalogue entry, or its tombstone ({@code deleted}: destroyed at the county). */
    record Entry(
            String archiveCode,
            String title,
            String fonds,
            int year,
            String retention,
            String category,
            @Nullable String personToken,
            boolean deleted) {}

    /** The signed form posted to the province: the batch's bytes (Base64) and the signature over them. */
    record Signed(String batch, String algorithm, String keyId, String publicKey, String signature) {}

    /** The province's answer: the sequence it holds now and how many entries the batch carried. */
    record Answer(String county, long sequence, int entries) {}
}
