package org.siarchive.transfer;

import static org.siarchive.transfer.Xml.element;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.SigningKey;

/**
 * A package's {@code manifest.xml} (移交说明): package id, format, creating unit, item count, content bytes,
 * per item its 档号, metadata file and that file's SM3; signed over {@code <移交内容>…</移交内容>}.
 */
final class Manifest {

    static final String NAME = "manifest.xml";
    private static final byte[] START = "<移交内容>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] END = "</移交内容>".getBytes(StandardCharsets.UTF_8);

    private Manifest() {}

    record Entry(String archiveCode, String metadataFile, String metadataSm3) {}

    /**
     * A manifest written item by item: the entries go to a {@link SpillFile} as the package is written, the header
     * (which counts them) and the signature over {@code <移交内容>…</移交内容>} (streamed through the signer) when
     * the package closes; the bytes are those a receiver verifies (docs/adr/0119).
     */
    static final class Writer implements AutoCloseable {

        private final SpillFile entries;
        private int count;

        Writer() throws IOException {
            this.entries = new SpillFile("siarchive-manifest-");
        }

        void add(Entry e) throws IOException {
            var s = new StringBuilder("<条目>");
            element(s, "序号", Integer.toString(++count));
            element(s, "档号", e.archiveCode());
            element(s, "元数据文件", e.metadataFile());
            element(s, "元数据摘要", e.metadataSm3());
            s.append("</条目>");
            entries.write(s.toString().getBytes(StandardCharsets.UTF_8));
        }

        /** The signed manifest, written to {@code out}. */
        void writeTo(
                OutputStream out,
                UUID id,
                TransferPackages.Format format,
                OffsetDateTime now,
                String unit,
                long bytes,
                SigningKey key)
                throws IOException {
            var s = new StringBuilder("<移交内容>");
            element(s, "包标识", id.toString());
            element(s, "包类型", format.name());
            element(s, "创建时间", now.toString());
            element(s, "移交单位", unit);
            element(s, "件数", Integer.toString(count));
            element(s, "总字节数", Long.toString(bytes));
            byte[] head = s.toString().getBytes(StandardCharsets.UTF_8);
            byte[] value;
            try (var covered = new SequenceInputStream(java.util.Collections.enumeration(
                    List.of(new ByteArrayInputStream(head), entries.open(), new ByteArrayInputStream(END))))) {
                value = key.sign(covered);
            }
            String signature = PackageSignature.withValue(
                    "移交说明签名", null, "SM3withSM2，签名对象为“移交内容”元素的 UTF-8 字节", now.toString(), unit, key, value);
            out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<移交说明 xmlns=\"" + Xml.NS + "\">")
                    .getBytes(StandardCharsets.UTF_8));
            out.write(head);
            entries.copyTo(out);
            out.write(END);
            out.write((signature + "</移交说明>\n").getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public void close() throws IOException {
            entries.close();
        }
    }

    /** What a receiver reads; {@code headerProblem} when the id, count or bytes are missing or malformed. */
    record Read(
            @Nullable UUID packageId,
            @Nullable Integer count,
            @Nullable Long bytes,
            @Nullable String unit,
            List<Entry> entries,
            @Nullable String signatureProblem,
            @Nullable String headerProblem) {}

    /** Parses (hardened) and verifies the signature; throws when the XML cannot be read at all. */
    static Read read(byte[] bytes, long maxXmlBytes, Set<String> trusted) throws IOException {
        var root = Xml.parse(bytes, maxXmlBytes).getDocumentElement();
        var content = Xml.child(root, "移交内容");
        UUID id = null;
        Integer count = null;
        Long total = null;
        String headerProblem = null;
        try {
            id = UUID.fromString(String.valueOf(Xml.text(content, "包标识")));
            count = Integer.valueOf(String.valueOf(Xml.text(content, "件数")));
            total = Long.valueOf(String.valueOf(Xml.text(content, "总字节数")));
        } catch (IllegalArgumentException e) {
            headerProblem = "移交说明缺少包标识、件数或总字节数";
        }
        var entries = Xml.children(content, "条目").stream()
                .map(e -> new Entry(
                        String.valueOf(Xml.text(e, "档号")),
                        String.valueOf(Xml.text(e, "元数据文件")),
                        String.valueOf(Xml.text(e, "元数据摘要"))))
                .toList();
        String signature = PackageSignature.problem(Xml.child(root, "移交说明签名"), bytes, START, END, trusted, "移交说明签名");
        return new Read(id, count, total, Xml.text(content, "移交单位"), entries, signature, headerProblem);
    }
}
