package org.siarchive.comparison;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.comparison.Datasets.Kind;
import org.siarchive.crypto.Sm3;
import org.siarchive.shared.Access;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Page;
import org.siarchive.shared.Violation;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reference datasets as the pages and the API see them: within the caller's organisation subtree (others'
 * ids are 404), listed, read with their errors, withdrawn (撤销) with a reason, and small batches of rows
 * received by API and loaded at once.
 */
@Component
class ReferenceDatasets {

    static final int MAX_BATCH = 10_000;
    static final int ERROR_PREVIEW = 20;

    /** An API batch: the dataset's facts and its rows, each a map from column header to value. */
    record Batch(
            String kind,
            String source,
            String title,
            java.time.@Nullable LocalDate asOf,
            List<Map<String, String>> rows) {}

    private final DatasetRows rows;
    private final ReferenceImports imports;
    private final ReferenceRunner runner;
    private final ReferenceLoader loader;
    private final ReferenceTokens tokens;
    private final AuditTrail audit;

    ReferenceDatasets(
            DatasetRows rows,
            ReferenceImports imports,
            ReferenceRunner runner,
            ReferenceLoader loader,
            ReferenceTokens tokens,
            AuditTrail audit) {
        this.rows = rows;
        this.imports = imports;
        this.runner = runner;
        this.loader = loader;
        this.tokens = tokens;
        this.audit = audit;
    }

    DatasetRows.Dataset find(long id, Access access) {
        return rows.find(id, access.scope().orgPattern())
                .orElseThrow(() -> new NotFoundException("REFERENCE_DATASET", String.valueOf(id)));
    }

    Page<DatasetRows.Dataset> page(
            @Nullable String kind, @Nullable String source, @Nullable String state, int page, int size, Access access) {
        var p = Bounds.page(page, size);
        String k = blank(kind);
        String s = blank(source);
        String st = blank(state);
        String org = access.scope().orgPattern();
        return new Page<>(rows.page(org, k, s, st, p.offset(), size), page, size, rows.count(org, k, s, st));
    }

    List<ImportError> errors(long id, int limit, Access access) {
        find(id, access);
        return rows.errors(id, limit);
    }

    @Transactional
    public DatasetRows.Dataset withdraw(long id, @Nullable String reason, Access access) {
        var d = find(id, access);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException(Violation.of("reason", "required"));
        }
        Bounds.requireText("reason", reason, 500);
        if (!rows.withdrawn(id, access.actor().name(), reason.strip())) {
            throw new ConflictException("reference.notLoaded");
        }
        loader.dropRows(id);
        audit.record(
                access.actor(),
                AuditedObject.REFERENCE_DATASET,
                String.valueOf(id),
                AuditOperation.WITHDRAW,
                reason.strip(),
                AuditDetail.of("audit.detail.reference.withdrawn", d.rowsLoaded())
                        .encoded());
        return find(id, access);
    }

    /** Loads a batch of up to {@value #MAX_BATCH} rows at once; the same rows again return the same dataset. */
    ImportsAnswer batch(Batch batch, Access access) {
        Kind kind = imports.checkForm(
                new ReferenceImports.Upload(batch.kind(), batch.source(), batch.title(), batch.asOf()));
        if (batch.rows() == null || batch.rows().isEmpty() || batch.rows().size() > MAX_BATCH) {
            throw new InvalidInputException(
                    new Violation("rows", "batchSize", "reference.rule.batchSize", List.of(String.valueOf(MAX_BATCH))));
        }
        var headers = new ArrayList<>(new LinkedHashSet<>(
                batch.rows().stream().flatMap(r -> r.keySet().stream()).toList()));
        var positions = ReferenceLayout.resolve(kind, headers);
        var canonical = new StringBuilder();
        var records = new ArrayList<List<String>>();
        for (var r : batch.rows()) {
            var rec = headers.stream()
                    .map(h -> r.getOrDefault(h, "") == null ? "" : r.getOrDefault(h, ""))
                    .toList();
            records.add(rec);
            canonical.append(String.join("\u001f", rec)).append('\n');
        }
        String sm3 = Sm3.hex(Sm3.digest(String.join("\u001f", headers) + "\n" + canonical));
        long orgId = imports.orgId(access);
        var same = rows.same(kind, batch.source(), orgId, sm3);
        if (same.isPresent()) {
            return new ImportsAnswer(same.get(), true);
        }
        long id;
        try {
            id = rows.insert(new DatasetRows.NewDataset(
                    kind,
                    batch.source(),
                    orgId,
                    access.scope().orgPath(),
                    batch.title().strip(),
                    batch.asOf(),
                    "API",
                    null,
                    sm3,
                    canonical.toString().getBytes(StandardCharsets.UTF_8).length,
                    access.actor().name()));
        } catch (DuplicateKeyException e) {
            return new ImportsAnswer(rows.same(kind, batch.source(), orgId, sm3).orElseThrow(), true);
        }
        var validator = new ReferenceValidator(
                id, kind, batch.source(), positions, headers, imports.schemes(), imports.today(), tokens);
        var it = records.iterator();
        var source = new ImportPipeline.Source() {
            long n = 1;

            @Override
            public @Nullable List<String> next() {
                if (!it.hasNext()) {
                    return null;
                }
                n++;
                return it.next();
            }

            @Override
            public long rowNo() {
                return n;
            }
        };
        try {
            runner.loadNow(id, source, validator, access.actor());
        } catch (RuntimeException e) {
            rows.failed(id, "reference.failure.error");
            throw e;
        }
        return new ImportsAnswer(id, false);
    }

    /** A dataset id and whether it was there before. */
    record ImportsAnswer(long datasetId, boolean existing) {}

    private static @Nullable String blank(@Nullable String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
