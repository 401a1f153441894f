package org.siarchive.digitisation;

import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What the scanning-station API answers (docs/adr/0061): batches, uploads, items, filed items. */
final class ScanStationViews {

    private ScanStationViews() {}

    /** A batch and its progress; {@code secondsLeft} is an estimate while pages are processed. */
    record Batch(
            UUID id,
            String name,
            String fondsCode,
            String status,
            boolean ocr,
            int pagesTotal,
            int pagesDone,
            int pageErrors,
            int pagesFlagged,
            @Nullable Long secondsLeft,
            OffsetDateTime createdAt) {

        static Batch of(ScanBatches.Progress p) {
            return new Batch(
                    p.id(),
                    p.name(),
                    p.fondsCode(),
                    p.status(),
                    p.ocr(),
                    p.pagesTotal(),
                    p.pagesDone(),
                    p.pageErrors(),
                    p.flagged(),
                    p.secondsLeft(),
                    p.createdAt());
        }
    }

    /** An accepted upload: its pages are numbered {@code firstSeq} onwards; the batch now has {@code pagesTotal}. */
    record Upload(UUID batchId, int firstSeq, int pages, int pagesTotal) {}

    /** A page with its quality-check flags ({@code BLANK}, {@code SKEW}, {@code DUPLICATE}, …). */
    record Page(
            int seq,
            String sourceName,
            String status,
            List<String> flags,
            @Nullable Integer dpi,
            @Nullable Float ocrConfidence) {

        static Page of(ScanItems.PageView p) {
            var flags = p.flags().isBlank()
                    ? List.<String>of()
                    : Arrays.stream(p.flags().split(",")).map(String::strip).toList();
            return new Page(p.seq(), p.sourceName(), p.status(), flags, p.dpi(), p.ocrConfidence());
        }
    }

    /** A suspected duplicate: the 档号 of the item already held, and the archivist's decision if made. */
    record Duplicate(@Nullable String heldArchiveCode, @Nullable String decision) {}

    /** An item of a batch with QC flags and suggestions; the ID number masked. */
    record Item(
            UUID id,
            int seq,
            String status,
            @Nullable String businessStep,
            @Nullable String suggestedStep,
            @Nullable Float suggestionConfidence,
            @Nullable String suggestedTitle,
            @Nullable String personName,
            @Nullable String certNoMasked,
            @Nullable Integer expectedPages,
            int missingPages,
            boolean flagged,
            boolean sampled,
            @Nullable Duplicate duplicate,
            @Nullable UUID filedItemId,
            List<Page> pages) {}

    /** What confirming an item files. */
    record ConfirmRequest(
            @Nullable String businessStep,
            @Nullable String certNo,
            @Nullable String personName,
            @Nullable String title,
            @Nullable String docDate) {}

    /** The captured item an item was filed as, with its 档号. */
    record Filed(UUID itemId, String archiveCode) {}

    /** What opening a batch takes; {@code ocr} defaults to true, {@code samplePercent} to 5. */
    record OpenRequest(
            @Nullable String name,
            @Nullable String fondsCode,
            @Nullable Boolean ocr,
            @Nullable Integer samplePercent) {}
}
