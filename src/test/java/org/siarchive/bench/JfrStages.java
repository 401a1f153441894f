package org.siarchive.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a capture benchmark's CPU samples went, by stage of the capture path and by listener: reads a JFR
 * recording's {@code jdk.ExecutionSample} events and gives each sample to the deepest stage marker on its stack
 * (a format check inside staging counts as format identification, not staging), then splits every stage by what
 * ran at the leaf (SM3, SHA-256, JDBC, …). Run with {@code java src/test/java/org/siarchive/bench/JfrStages.java
 * recording.jfr}; it uses only the JDK.
 */
public final class JfrStages {

    /** Stage markers, a class or method name fragment each; the deepest one on a stack names the stage. */
    private static final Map<String, String> STAGES = new LinkedHashMap<>();

    /** What ran at the leaf, first match from the top of the stack. */
    private static final Map<String, String> LEAVES = new LinkedHashMap<>();

    static {
        STAGES.put("CaptureThroughputBenchmark.hashRate", "benchmark: its own SM3 reference");
        STAGES.put("CaptureThroughputBenchmark.payloads", "benchmark: payloads");
        STAGES.put("org.siarchive.support.ApiClient", "benchmark: HTTP client");
        STAGES.put("org.apache.catalina", "HTTP: Tomcat, filters");
        STAGES.put("org.apache.coyote", "HTTP: Tomcat, filters");
        STAGES.put("org.springframework.security", "HTTP: security filters");
        STAGES.put("org.siarchive.security", "HTTP: security (ours)");
        STAGES.put("org.siarchive.web", "HTTP: web (ours)");
        STAGES.put("org.apache.tomcat.util.http.fileupload", "HTTP: multipart parsing");
        STAGES.put("org.siarchive.capture.CaptureApi", "HTTP: capture controller");
        STAGES.put("org.siarchive.capture.Captures.capture", "capture: validate, idempotency lookup");
        STAGES.put("org.siarchive.quality", "capture: validate (quality)");
        STAGES.put("org.siarchive.preservation.Staging.stage", "capture: stage (write + SM3/SHA-256)");
        STAGES.put("org.siarchive.preservation.FormatIdentifier", "capture: format identification");
        STAGES.put("org.siarchive.checks.FilingCheck.require", "capture: GD filing check");
        STAGES.put("org.siarchive.preservation.Staging.sync", "capture: fsync staging");
        STAGES.put("org.siarchive.catalog.ItemRegistration", "capture: register (档号, audit)");
        STAGES.put("org.siarchive.catalog.ItemSidecar", "capture: sidecar");
        STAGES.put("org.siarchive.preservation.OcflStore.write", "capture: OCFL write");
        STAGES.put("org.siarchive.preservation.DiskRoot.makeDurable", "capture: OCFL fsync");
        STAGES.put("org.siarchive.catalog.ItemLifecycle.markPreserved", "capture: markPreserved (audit, event)");
        STAGES.put("org.siarchive.checks.FilingCheck.filed", "capture: filing run linked");
        STAGES.put("org.siarchive.catalog.Catalog.requireItem", "capture: answer (item read)");
        STAGES.put("org.siarchive.preservation.Staging.delete", "capture: discard staging");
        STAGES.put("org.springframework.modulith.events", "listeners: event publication registry");
        STAGES.put("org.siarchive.integrity.PreservationCopies", "listener: OFD copy");
        STAGES.put("org.siarchive.integrity.ReplicaSync", "listener: replica");
        STAGES.put("org.siarchive.search.SearchIndexer", "listener: search indexing");
        STAGES.put("org.siarchive.search.LuceneArchiveSearch.commit", "search: commit");
        STAGES.put("org.siarchive.analytics.CaptureCounters", "listener: analytics (captures)");
        STAGES.put("org.siarchive.analytics.ActivityCounter", "listener: analytics activity");
        STAGES.put("org.siarchive.analytics.HoldingsCounter", "listener: analytics holdings");
        STAGES.put("org.siarchive.analytics.FilingListener", "listener: analytics filing");
        STAGES.put("org.siarchive.audit", "audit chain");

        LEAVES.put("SM3", "SM3");
        LEAVES.put("sun.security.provider.SHA", "SHA-256");
        LEAVES.put("java.util.zip.Deflater", "deflate");
        LEAVES.put("java.util.zip", "zip/crc");
        LEAVES.put("org.postgresql", "JDBC driver");
        LEAVES.put("com.zaxxer", "connection pool");
        LEAVES.put("tools.jackson", "Jackson");
        LEAVES.put("com.fasterxml.jackson", "Jackson");
        LEAVES.put("org.apache.lucene", "Lucene");
        LEAVES.put("org.apache.tika", "Tika");
        LEAVES.put("org.apache.pdfbox", "PDFBox");
        LEAVES.put("javax.imageio", "ImageIO");
        LEAVES.put("com.sun.imageio", "ImageIO");
        LEAVES.put("org.ofdrw", "ofdrw");
        LEAVES.put("org.dom4j", "XML (dom4j)");
        LEAVES.put("io.ocfl", "ocfl-java");
        LEAVES.put("sun.nio.ch.FileDispatcherImpl.force", "fsync");
        LEAVES.put("sun.nio", "file I/O");
        LEAVES.put("java.io.File", "file I/O");
        LEAVES.put("java.nio.file", "file I/O");
        LEAVES.put("org.bouncycastle", "BouncyCastle (other)");
        LEAVES.put("org.springframework", "Spring");
        LEAVES.put("org.apache", "Tomcat/Apache");
        LEAVES.put("java.util.regex", "regex");
        LEAVES.put("org.siarchive", "SIArchive code");
    }

    private JfrStages() {}

    public static void main(String[] args) throws IOException {
        var stages = new TreeMap<String, Map<String, Integer>>();
        int total = 0;
        for (var e : RecordingFile.readAllEvents(Path.of(args[0]))) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<String> frames = frames(e);
            stages.computeIfAbsent(stage(frames), k -> new TreeMap<>()).merge(leaf(frames), 1, Integer::sum);
            total++;
        }
        System.out.printf("%d execution samples%n%n", total);
        var rows = new ArrayList<>(stages.entrySet());
        rows.sort((a, b) -> sum(b.getValue()) - sum(a.getValue()));
        for (var row : rows) {
            int n = sum(row.getValue());
            var leaves = new ArrayList<>(row.getValue().entrySet());
            leaves.sort((a, b) -> b.getValue() - a.getValue());
            var top = new StringBuilder();
            for (int i = 0; i < Math.min(4, leaves.size()); i++) {
                top.append(i == 0 ? "" : ", ")
                        .append(leaves.get(i).getKey())
                        .append(' ')
                        .append(Math.round(100.0 * leaves.get(i).getValue() / n))
                        .append('%');
            }
            System.out.printf("%-45s %6d %5.1f%%   %s%n", row.getKey(), n, 100.0 * n / total, top);
        }
    }

    private static int sum(Map<String, Integer> m) {
        return m.values().stream().mapToInt(Integer::intValue).sum();
    }

    private static List<String> frames(RecordedEvent e) {
        var out = new ArrayList<String>();
        for (RecordedFrame f : e.getStackTrace().getFrames()) {
            out.add(f.getMethod().getType().getName() + "." + f.getMethod().getName());
        }
        return out;
    }

    /** Frames run from the leaf (0) to the root: the first marker found is the deepest. */
    private static String stage(List<String> frames) {
        for (String f : frames) {
            for (var m : STAGES.entrySet()) {
                if (f.contains(m.getKey())) {
                    return m.getValue();
                }
            }
        }
        String root = frames.isEmpty() ? "?" : frames.get(frames.size() - 1);
        return "other: " + (root.contains("Thread.run") || root.contains("Runner") ? "threads" : root);
    }

    private static String leaf(List<String> frames) {
        for (String f : frames) {
            for (var m : LEAVES.entrySet()) {
                if (f.contains(m.getKey())) {
                    return m.getValue();
                }
            }
        }
        return "JDK";
    }
}
