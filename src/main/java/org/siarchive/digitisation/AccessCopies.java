package org.siarchive.digitisation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemSidecar;
import org.siarchive.catalog.Renditions;
import org.siarchive.preservation.Digester;
import org.siarchive.preservation.Preservation;
import org.siarchive.preservation.StoredFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The access copy of a scanned item: a double-layer PDF (page images with the recognised text invisible
 * on top), made on the OCR workers after the item is filed and added to its OCFL object as
 * {@code access/<档号>.pdf} in a new version. The archival masters are untouched; a failed or lost access
 * copy can always be made again from them.
 */
@Component
class AccessCopies {

    private static final Logger log = LoggerFactory.getLogger(AccessCopies.class);

    private final OcrPool ocr;
    private final Catalog catalog;
    private final Renditions renditions;
    private final Preservation preservation;
    private final ItemSidecar sidecar;

    AccessCopies(OcrPool ocr, Catalog catalog, Renditions renditions, Preservation preservation, ItemSidecar sidecar) {
        this.ocr = ocr;
        this.catalog = catalog;
        this.renditions = renditions;
        this.preservation = preservation;
        this.sidecar = sidecar;
    }

    CompletableFuture<Void> make(UUID itemId, List<Path> pages) {
        return ocr.run(() -> {
                    try {
                        var images = new ArrayList<java.awt.image.BufferedImage>();
                        for (Path p : pages) {
                            var d = PageAnalyzer.decode(Files.readAllBytes(p));
                            var a = PageAnalyzer.analyse(d.image(), d.dpi());
                            images.add(Deskew.level(d.image(), a.skewDegrees()));
                        }
                        byte[] pdf = ocr.engine().searchablePdf(images, 300);
                        Path tmp = Files.createTempFile("access", ".pdf");
                        try {
                            Files.write(tmp, pdf);
                            var item = catalog.requireItem(itemId);
                            String path = "access/" + item.archiveCode() + ".pdf";
                            int version = preservation.writeVersion(
                                    item.objectId(),
                                    List.of(new StoredFile(path, tmp)),
                                    sidecar.write(item),
                                    "access copy " + item.archiveCode(),
                                    BatchWorker.WORKER.name());
                            var fixity = Digester.of(pdf);
                            renditions.add(
                                    itemId,
                                    "ACCESS_PDF",
                                    path,
                                    pdf.length,
                                    fixity.sm3(),
                                    fixity.sha256(),
                                    version,
                                    BatchWorker.WORKER);
                        } finally {
                            Files.deleteIfExists(tmp);
                        }
                        return null;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                })
                .exceptionally(e -> {
                    log.warn("access copy of item {} not made: {}", itemId, e.toString());
                    return null;
                })
                .thenApply(x -> null);
    }
}
