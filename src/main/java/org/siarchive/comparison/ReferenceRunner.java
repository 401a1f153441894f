package org.siarchive.comparison;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.siarchive.comparison.Datasets.Kind;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.ReadableTime;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Loads received files in the background, one at a time (each load already uses every core), with a short
 * bounded queue; a file whose load fails leaves its dataset FAILED with the reason, and the stored upload is
 * deleted either way.
 */
@Component
class ReferenceRunner {

    private static final Logger log = LoggerFactory.getLogger(ReferenceRunner.class);

    private final ReferenceLoader loader;
    private final DatasetRows rows;
    private final ReferenceTokens tokens;
    private final ReadableTime time;
    private final ThreadPoolExecutor executor =
            new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(16), r -> {
                var t = new Thread(r, "reference-import");
                t.setDaemon(true);
                return t;
            });

    ReferenceRunner(ReferenceLoader loader, DatasetRows rows, ReferenceTokens tokens, ReadableTime time) {
        this.loader = loader;
        this.rows = rows;
        this.tokens = tokens;
        this.time = time;
    }

    void start(
            long id,
            Kind kind,
            String source,
            Map<ReferenceField, Integer> positions,
            java.util.List<String> header,
            Path file,
            String format,
            Set<String> schemes,
            Actor actor) {
        var validator = new ReferenceValidator(
                id, kind, source, positions, header, schemes, java.time.LocalDate.now(time.clock()), tokens);
        try {
            executor.execute(() -> run(id, validator, file, format, actor));
        } catch (RejectedExecutionException e) {
            rows.failed(id, "reference.failure.busy");
            throw new ConflictException("reference.failure.busy");
        }
    }

    /** Loads now, on the caller's thread: for the API's small batches. */
    ReferenceLoader.Totals loadNow(long id, ImportPipeline.Source source, ReferenceValidator validator, Actor actor) {
        return loader.load(id, source, validator, () -> "UTF-8", actor);
    }

    private void run(long id, ReferenceValidator validator, Path file, String format, Actor actor) {
        try (var opened = ReferenceSources.open(file, format)) {
            opened.next(); // the header, resolved when the file was received
            loader.load(id, opened, validator, opened::encoding, actor);
        } catch (InvalidInputException e) {
            rows.failed(id, "reference.failure." + e.violations().get(0).rule());
        } catch (Exception e) {
            log.warn("reference import {} failed", id, e);
            rows.failed(id, "reference.failure.error");
        } finally {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // swept at start-up
            }
        }
    }
}
