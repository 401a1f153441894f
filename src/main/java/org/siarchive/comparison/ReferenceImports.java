package org.siarchive.comparison;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.CodeTableLookup;
import org.siarchive.comparison.Datasets.Kind;
import org.siarchive.crypto.Digests;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Bounds;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.siarchive.shared.Violation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Receiving reference files (docs/adr/0074): the upload is stored and digested (SM3) first; the same bytes of the
 * same kind and source for the same unit return the dataset that holds them; a header missing a required column
 * is refused at once (422, naming the columns); otherwise the dataset is committed RECEIVING and loaded in the
 * background by {@link ReferenceRunner}.
 */
@Component
public class ReferenceImports {

    /** What an upload answers: the dataset, and whether it existed already (same bytes). */
    public record Received(long datasetId, boolean existing) {}

    /** The form of an upload. */
    public record Upload(String kind, String source, String title, @Nullable LocalDate asOf) {}

    static final long MAX_CSV_BYTES = 4L << 30;
    static final long MAX_XLSX_BYTES = 100L << 20;

    private final DatasetRows rows;
    private final ReferenceRunner runner;
    private final Organisations organisations;
    private final CodeTableLookup codes;
    private final Catalog catalog;
    private final ReadableTime time;
    private final Path inbox;

    ReferenceImports(
            DatasetRows rows,
            ReferenceRunner runner,
            Organisations organisations,
            CodeTableLookup codes,
            Catalog catalog,
            ReadableTime time,
            @Value("${siarchive.data-dir:./data}") String dataDir) {
        this.rows = rows;
        this.runner = runner;
        this.organisations = organisations;
        this.codes = codes;
        this.catalog = catalog;
        this.time = time;
        this.inbox = Path.of(dataDir, "reference-inbox");
    }

    /** Receives a file (CSV or XLSX by its name) and starts loading it; the file stream is read once. */
    public Received upload(Upload form, @Nullable String fileName, InputStream file, Access access) {
        Kind kind = checkForm(form);
        String format =
                fileName != null && fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx") ? "XLSX" : "CSV";
        Path stored = store(file, format.equals("XLSX") ? MAX_XLSX_BYTES : MAX_CSV_BYTES);
        try {
            String sm3 = sm3(stored);
            long orgId = orgId(access);
            var same = rows.same(kind, form.source(), orgId, sm3);
            if (same.isPresent()) {
                Files.deleteIfExists(stored);
                return new Received(same.get(), true);
            }
            var header = ReferenceSources.header(stored, format);
            var positions = ReferenceLayout.resolve(kind, header);
            long id;
            try {
                id = rows.insert(new DatasetRows.NewDataset(
                        kind,
                        form.source(),
                        orgId,
                        access.scope().orgPath(),
                        form.title().strip(),
                        form.asOf(),
                        format,
                        clip(fileName),
                        sm3,
                        Files.size(stored),
                        access.actor().name()));
            } catch (DuplicateKeyException e) {
                Files.deleteIfExists(stored);
                return new Received(rows.same(kind, form.source(), orgId, sm3).orElseThrow(), true);
            }
            runner.start(id, kind, form.source(), positions, header, stored, format, schemes(), access.actor());
            return new Received(id, false);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(stored);
            throw e;
        }
    }

    /** The scheme codes (险种 AAE140) reference rows may name. */
    java.util.Set<String> schemes() {
        return catalog.classification().insuranceTypes().keySet();
    }

    Map<String, String> sources() {
        return codes.codes("DATA_SOURCE");
    }

    LocalDate today() {
        return LocalDate.now(time.clock());
    }

    Kind checkForm(Upload form) {
        var v = new ArrayList<Violation>();
        Kind kind = null;
        try {
            kind = Kind.valueOf(form.kind() == null ? "" : form.kind().strip());
        } catch (IllegalArgumentException e) {
            v.add(new Violation("kind", "kind", "reference.rule.kind", List.of()));
        }
        if (form.source() == null || !sources().containsKey(form.source())) {
            v.add(new Violation("source", "source", "reference.rule.source", List.of()));
        }
        if (form.title() == null || form.title().isBlank()) {
            v.add(Violation.of("title", "required"));
        } else {
            Bounds.text("title", form.title(), 200).ifPresent(v::add);
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        return kind;
    }

    long orgId(Access access) {
        return organisations
                .byPath(access.scope().orgPath())
                .orElseThrow(() -> new InvalidInputException(Violation.of("org", "required")))
                .id();
    }

    private Path store(InputStream in, long max) {
        try {
            Files.createDirectories(inbox);
            Path p = Files.createTempFile(inbox, "upload-", ".part");
            long n;
            try (var out = Files.newOutputStream(p)) {
                n = in.transferTo(new BoundedOutput(out, max));
            } catch (BoundedOutput.TooLarge e) {
                Files.deleteIfExists(p);
                throw new InvalidInputException(new Violation(
                        "file", "fileSize", "reference.rule.fileSize", List.of(String.valueOf(max >> 20))));
            }
            if (n == 0) {
                Files.deleteIfExists(p);
                throw new InvalidInputException(new Violation("file", "empty", "reference.rule.empty", List.of()));
            }
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String sm3(Path file) throws IOException {
        var d = Digests.pass("SM3");
        byte[] buf = new byte[1 << 16];
        try (var in = Files.newInputStream(file)) {
            for (int n = in.read(buf); n > 0; n = in.read(buf)) {
                d.update(buf, 0, n);
            }
        }
        return java.util.HexFormat.of().formatHex(d.finish()[0]);
    }

    private static @Nullable String clip(@Nullable String name) {
        if (name == null) {
            return null;
        }
        String base = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        return base.length() > 255 ? base.substring(0, 255) : base;
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException ignored) {
            // the inbox is swept at start-up
        }
    }
}
