package org.siarchive.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.shared.Actor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Renders and captures demo records through the real capture path, two at a time. */
@Component
public class DemoLoader {

    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);
    static final Actor DEMO = new Actor("demo-loader", "127.0.0.1", "siarchive demo");

    private final Captures captures;
    private final Catalog catalog;
    private final FormRenderer forms = new FormRenderer();
    private final PdfRenderer pdfs = new PdfRenderer();

    DemoLoader(Captures captures, Catalog catalog) {
        this.captures = captures;
        this.catalog = catalog;
    }

    /** Loads {@code persons} persons with their employers' and their own records; returns items captured. */
    public int load(int persons, long seed) {
        long started = System.nanoTime();
        var known = catalog.classification().fonds().keySet();
        String fonds = known.contains("0001") ? "0001" : known.iterator().next();
        var records = new DemoData(seed, county -> {
                    String f = DemoOrganisation.fondsOf(county, fonds);
                    return known.contains(f) ? f : fonds;
                })
                .generate(persons);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            var futures = new ArrayList<Future<?>>();
            for (var r : records) {
                futures.add(pool.submit(() -> capture(r)));
            }
            for (var f : futures) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("demo data could not be loaded", e);
        } finally {
            pool.shutdown();
        }
        log.info(
                "demo data: {} items for {} persons loaded in {} ms",
                records.size(),
                persons,
                (System.nanoTime() - started) / 1_000_000);
        return records.size();
    }

    /** The first demo person with records of their own (the same seed gives the same persons). */
    java.util.Optional<org.siarchive.quality.Submission.Person> firstPerson(int persons, long seed) {
        return new DemoData(seed, county -> county)
                .generate(persons).stream()
                        .map(r -> r.submission().person())
                        .filter(p -> p != null && p.certNo() != null && p.name() != null)
                        .findFirst();
    }

    private void capture(DemoRecord r) {
        var uploads = new ArrayList<Upload>();
        int n = 0;
        for (var page : r.pages()) {
            n++;
            byte[] bytes = page.pdf()
                    ? pdfs.pdf(page)
                    : forms.jpeg(page, r.submission().acceptanceNo().hashCode() + n);
            uploads.add(Upload.ofBytes(page.title() + (page.pdf() ? ".pdf" : ".jpg"), bytes));
        }
        captures.capture(r.submission(), List.copyOf(uploads), null, DEMO);
    }
}
