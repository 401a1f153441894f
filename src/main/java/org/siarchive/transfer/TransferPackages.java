package org.siarchive.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditTrail;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.checks.CheckCatalog;
import org.siarchive.checks.ChecksSettings;
import org.siarchive.checks.Findings;
import org.siarchive.checks.FourPropertyChecks;
import org.siarchive.checks.Stage;
import org.siarchive.checks.VirusScanner;
import org.siarchive.crypto.KeyDirectory;
import org.siarchive.crypto.SigningKey;
import org.siarchive.crypto.Sm3;
import org.siarchive.preservation.Digester;
import org.siarchive.preservation.Preservation;
import org.siarchive.preservation.StagedFile;
import org.siarchive.quality.Submission;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes and receives transfer packages. A package is a zip holding {@code manifest.xml} (移交说明: package
 * id, format, creating unit, item count, content bytes, one entry per item with its metadata file's SM3;
 * SM2-signed) and per item either {@code eep/NNNN.xml} (an EEP with base64 content) or, as a folder
 * package, {@code metadata/NNNN.xml} plus {@code content/NNNN/<file>} and a {@code digests.sm3} list. Names
 * inside a package are only ever looked up, never turned into paths.
 */
@Component
public class TransferPackages {

    static final String MANIFEST = "manifest.xml";
    static final String KEY = "transfer-sm2";
    private static final byte[] MANIFEST_START = "<移交内容>".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MANIFEST_END = "</移交内容>".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_ENTRIES = 200_000;

    public enum Format {
        EEP,
        FOLDER
    }

    private final Catalog catalog;
    private final Preservation preservation;
    private final Captures captures;
    private final FourPropertyChecks checks;
    private final VirusScanner scanner;
    private final ChecksSettings checkSettings;
    private final KeyDirectory keys;
    private final TransferSettings settings;
    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final AuditTrail audit;
    private volatile @Nullable SigningKey key;

    TransferPackages(
            Catalog catalog,
            Preservation preservation,
            Captures captures,
            FourPropertyChecks checks,
            VirusScanner scanner,
            ChecksSettings checkSettings,
            KeyDirectory keys,
            TransferSettings settings,
            JdbcClient jdbc,
            TransactionTemplate tx,
            AuditTrail audit) {
        this.catalog = catalog;
        this.preservation = preservation;
        this.captures = captures;
        this.checks = checks;
        this.scanner = scanner;
        this.checkSettings = checkSettings;
        this.keys = keys;
        this.settings = settings;
        this.jdbc = jdbc;
        this.tx = tx;
        this.audit = audit;
    }

    SigningKey key() {
        var k = key;
        if (k == null) {
            k = keys.signingKey(KEY);
            key = k;
        }
        return k;
    }

    /** The key id a receiving agency adds to its trusted list to accept packages from here. */
    public String keyId() {
        return key().keyId();
    }

    public record Exported(UUID packageId, Path file, int items, long contentBytes, String sm3) {}

    /** Writes a package of the chosen items (all within the caller's scope) to a temporary file. */
    public Exported export(List<UUID> itemIds, Format format, Access access) {
        if (itemIds.isEmpty()) {
            throw new InvalidInputException(Violation.of("items", "required"));
        }
        var items = new ArrayList<ItemRecord>();
        for (UUID id : itemIds) {
            var item = catalog.requireItem(id, access.scope());
            if (!item.preserved()) {
                throw new InvalidInputException(Violation.of("items", "notPreserved", item.archiveCode()));
            }
            items.add(item);
        }
        UUID packageId = UUID.randomUUID();
        var now = catalog.now();
        long bytes = 0;
        Path file;
        try {
            file = Files.createTempFile("siarchive-transfer-", ".zip");
            var entries = new ArrayList<String[]>();
            var digestLines = new StringBuilder();
            try (var zip = new ZipOutputStream(Files.newOutputStream(file))) {
                for (int n = 0; n < items.size(); n++) {
                    var item = items.get(n);
                    String no = "%04d".formatted(n + 1);
                    var contents = new LinkedHashMap<Integer, Eep.Content>();
                    for (var f : item.files()) {
                        byte[] data = read(item, f);
                        bytes += data.length;
                        if (format == Format.EEP) {
                            contents.put(f.seq(), new Eep.Content(data, null));
                        } else {
                            String path = "content/" + no + "/" + Eep.fileName(f.logicalPath());
                            put(zip, path, data);
                            digestLines
                                    .append(f.sm3())
                                    .append("  ")
                                    .append(path)
                                    .append('\n');
                            contents.put(f.seq(), new Eep.Content(null, path));
                        }
                    }
                    byte[] xml = Eep.write(item, contents, settings.unit(), key(), now);
                    String name = (format == Format.EEP ? "eep/" : "metadata/") + no + ".xml";
                    put(zip, name, xml);
                    if (format == Format.FOLDER) {
                        digestLines
                                .append(Sm3.hex(Sm3.digest(xml)))
                                .append("  ")
                                .append(name)
                                .append('\n');
                    }
                    entries.add(new String[] {no, item.archiveCode(), name, Sm3.hex(Sm3.digest(xml))});
                }
                if (format == Format.FOLDER) {
                    put(zip, "digests.sm3", digestLines.toString().getBytes(StandardCharsets.UTF_8));
                }
                put(zip, MANIFEST, manifest(packageId, format, now, items.size(), bytes, entries));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String sm3 = sm3Of(file);
        long total = bytes;
        tx.executeWithoutResult(s -> {
            jdbc.sql(
                            """
                    insert into transfer_export (package_id, format, items, content_bytes, package_sm3, created_by)
                    values (:p, :f, :n, :b, :s, :by)
                    """)
                    .param("p", packageId)
                    .param("f", format.name())
                    .param("n", items.size())
                    .param("b", total)
                    .param("s", sm3)
                    .param("by", access.actor().name())
                    .update();
            audit.record(
                    access.actor(),
                    "TRANSFER_PACKAGE",
                    packageId.toString(),
                    "EXPORT",
                    null,
                    format + ", " + items.size() + " items, " + total + " bytes, SM3 " + sm3);
            for (var item : items) {
                audit.record(
                        access.actor(), "ITEM", item.id().toString(), "TRANSFER_EXPORT", null, packageId.toString());
            }
        });
        return new Exported(packageId, file, items.size(), total, sm3);
    }

    private byte[] read(ItemRecord item, ItemRecord.ItemFile f) throws IOException {
        var expected = new org.siarchive.preservation.Fixity(f.sizeBytes(), f.sm3(), f.sha256());
        try (InputStream in = preservation.read(item.objectId(), f.logicalPath(), expected)) {
            return in.readAllBytes();
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(data);
        zip.closeEntry();
    }

    private byte[] manifest(UUID id, Format format, OffsetDateTime now, int count, long bytes, List<String[]> entries) {
        var s = new StringBuilder("<移交内容>");
        el(s, "包标识", id.toString());
        el(s, "包类型", format.name());
        el(s, "创建时间", now.toString());
        el(s, "移交单位", settings.unit());
        el(s, "件数", Integer.toString(count));
        el(s, "总字节数", Long.toString(bytes));
        for (var e : entries) {
            s.append("<条目>");
            el(s, "序号", e[0]);
            el(s, "档号", e[1]);
            el(s, "元数据文件", e[2]);
            el(s, "元数据摘要", e[3]);
            s.append("</条目>");
        }
        s.append("</移交内容>");
        byte[] content = s.toString().getBytes(StandardCharsets.UTF_8);
        var sig = new StringBuilder("<移交说明签名>");
        el(sig, "签名结果", Base64.getEncoder().encodeToString(key().sign(content)));
        el(sig, "证书", Base64.getEncoder().encodeToString(key().publicPoint()));
        el(sig, "签名算法标识", "SM3withSM2");
        sig.append("</移交说明签名>");
        return Eep.concat(
                ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<移交说明 xmlns=\"" + Xml.NS + "\">")
                        .getBytes(StandardCharsets.UTF_8),
                content,
                (sig + "</移交说明>\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void el(StringBuilder s, String name, @Nullable String v) {
        s.append('<')
                .append(name)
                .append('>')
                .append(Xml.escape(v))
                .append("</")
                .append(name)
                .append('>');
    }

    static String sm3Of(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            var d = new Digester();
            byte[] buf = new byte[256 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                d.update(buf, 0, n);
            }
            return d.finish().sm3();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ receipt

    /** Who hands over and who witnesses (移交人, 监交人); the receiver is the caller; the fonds received into. */
    public record Handover(String fondsCode, String handedOverBy, String witness) {}

    public record ReceivedItem(String sourceCode, UUID itemId, String archiveCode) {}

    public record Receipt(
            long id,
            UUID packageId,
            String sourceUnit,
            int items,
            long bytes,
            String handedOverBy,
            String receivedBy,
            String witness,
            long checkRunId,
            List<ReceivedItem> received) {}

    /** One record of a package, checked and staged, ready to be captured. */
    private record Staged(EepReader.Parsed parsed, List<StagedFile> files) {}

    /** Receives a package: YJ checks (report kept), then every item captured, then the handover registered. */
    public Receipt receive(Path packageFile, String packageName, Handover h, Access access) {
        var v = new ArrayList<Violation>();
        if (h.fondsCode() == null || h.fondsCode().isBlank()) {
            v.add(Violation.of("fondsCode", "required"));
        } else if (!catalog.fondsInScope(h.fondsCode().strip(), access.scope())) {
            v.add(Violation.of("fondsCode", "outOfScope", h.fondsCode()));
        }
        if (h.handedOverBy() == null || h.handedOverBy().isBlank()) {
            v.add(Violation.of("handedOverBy", "required"));
        }
        if (h.witness() == null || h.witness().isBlank()) {
            v.add(Violation.of("witness", "required"));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        String stagingKey = "transfer-" + UUID.randomUUID();
        try {
            return receive(packageFile, packageName, h, access, stagingKey);
        } finally {
            preservation.discardStaging(stagingKey);
        }
    }

    private Receipt receive(Path packageFile, String packageName, Handover h, Access access, String stagingKey) {
        String packageSm3 = sm3Of(packageFile);
        var f = checks.begin(Stage.YJ);
        Set<String> trusted = new HashSet<>(settings.trustedKeys());
        trusted.add(keyId());
        var staged = new ArrayList<Staged>();
        UUID packageId = null;
        String sourceUnit = null;
        Integer declaredCount = null;
        Long declaredBytes = null;
        long receivedBytes = 0;
        var scan = new LinkedHashMap<Path, VirusScanner.Owner>();
        try (var zip = new ZipFile(packageFile.toFile(), StandardCharsets.UTF_8)) {
            if (zip.size() > MAX_ENTRIES) {
                throw new IOException("more than " + MAX_ENTRIES + " entries");
            }
            var budget = new long[] {settings.maxPackageSize().toBytes() * 4};
            byte[] manifestBytes = entry(zip, MANIFEST, budget);
            if (manifestBytes == null) {
                f.fail(CheckCatalog.YJ_READABLE, null, MANIFEST, "包中没有移交说明 manifest.xml");
                return reject(f, packageName, packageSm3, null, null, h, access, 0, 0, null, null);
            }
            org.w3c.dom.Element manifest;
            try {
                manifest = Xml.parse(manifestBytes, settings.maxXmlSize().toBytes())
                        .getDocumentElement();
                f.pass(CheckCatalog.YJ_READABLE);
            } catch (IOException e) {
                f.fail(CheckCatalog.YJ_READABLE, null, MANIFEST, "移交说明无法解析：" + e.getMessage());
                return reject(f, packageName, packageSm3, null, null, h, access, 0, 0, null, null);
            }
            f.check(CheckCatalog.YJ_LOCK, null, MANIFEST, manifestSignatureProblem(manifestBytes, manifest, trusted));
            var content = Xml.child(manifest, "移交内容");
            try {
                packageId = UUID.fromString(String.valueOf(Xml.text(content, "包标识")));
                declaredCount = Integer.valueOf(String.valueOf(Xml.text(content, "件数")));
                declaredBytes = Long.valueOf(String.valueOf(Xml.text(content, "总字节数")));
            } catch (IllegalArgumentException e) {
                f.fail(CheckCatalog.YJ_METADATA, null, MANIFEST, "移交说明缺少包标识、件数或总字节数");
            }
            sourceUnit = Xml.text(content, "移交单位");
            var seenCodes = new HashSet<String>();
            int seq = 0;
            var entries = Xml.children(content, "条目");
            for (var entry : entries) {
                String listedCode = String.valueOf(Xml.text(entry, "档号"));
                String metaName = String.valueOf(Xml.text(entry, "元数据文件"));
                byte[] meta = entry(zip, metaName, budget);
                f.record();
                if (meta == null) {
                    f.fail(CheckCatalog.YJ_CONTENT, null, listedCode, "包中缺少元数据文件 " + metaName);
                    continue;
                }
                String listedSm3 = String.valueOf(Xml.text(entry, "元数据摘要"));
                String metaSm3 = Sm3.hex(Sm3.digest(meta));
                f.check(
                        CheckCatalog.YJ_LOCK,
                        null,
                        listedCode,
                        metaSm3.equals(listedSm3) ? null : "元数据文件 " + metaName + " 的 SM3 与移交说明不符");
                EepReader.Parsed parsed;
                try {
                    parsed = EepReader.read(meta, settings.maxXmlSize().toBytes(), trusted);
                    f.pass(CheckCatalog.YJ_READABLE);
                } catch (IOException e) {
                    f.fail(CheckCatalog.YJ_READABLE, null, listedCode, "元数据无法解析：" + e.getMessage());
                    continue;
                }
                String code = parsed.archiveCode();
                f.check(CheckCatalog.YJ_SIGNATURE, null, code, parsed.signatureProblem());
                f.check(CheckCatalog.YJ_LOCK, null, code, parsed.lockProblem());
                f.check(
                        CheckCatalog.YJ_METADATA,
                        null,
                        code,
                        parsed.missing().isEmpty() ? null : "缺少元素：" + String.join("、", parsed.missing()));
                f.check(
                        CheckCatalog.YJ_ARCHIVE_CODE,
                        null,
                        code,
                        code.isBlank()
                                ? "档号为空"
                                : !code.equals(listedCode)
                                        ? "档号与移交说明不符（" + listedCode + "）"
                                        : !seenCodes.add(code) ? "档号在包内重复" : null);
                var files = new ArrayList<StagedFile>();
                var contentProblems = new ArrayList<String>();
                for (var d : parsed.docs()) {
                    byte[] data =
                            d.inline() != null ? d.inline() : d.path() == null ? null : entry(zip, d.path(), budget);
                    if (d.problem() != null || data == null) {
                        contentProblems.add(
                                "文档 " + d.seq() + "：" + (d.problem() != null ? d.problem() : "包中缺少 " + d.path()));
                        continue;
                    }
                    receivedBytes += data.length;
                    var sf = preservation.stage(
                            stagingKey,
                            ++seq,
                            new ByteArrayInputStream(data),
                            settings.maxPackageSize().toBytes());
                    files.add(sf);
                    scan.put(sf.path(), new VirusScanner.Owner(null, code));
                    var fx = sf.fixity();
                    if (fx.size() != d.declaredSize()
                            || !fx.sm3().equals(d.sm3())
                            || !fx.sha256().equals(d.sha256())) {
                        contentProblems.add("文档 " + d.seq() + "（" + d.fileName() + "）的 SM3/SHA-256/大小与封装包登记的不一致");
                    }
                    f.check(
                            CheckCatalog.YJ_FORMAT,
                            null,
                            code,
                            checkSettings
                                                    .archivalMediaTypes()
                                                    .contains(sf.format().mediaType())
                                            && sf.format().readable()
                                    ? null
                                    : "文档 " + d.seq() + " 的格式 " + sf.format().mediaType() + " 不在归档格式清单内或无法解析");
                }
                f.check(
                        CheckCatalog.YJ_CONTENT,
                        null,
                        code,
                        contentProblems.isEmpty() ? null : String.join("；", contentProblems));
                staged.add(new Staged(parsed, files));
            }
            f.check(
                    CheckCatalog.YJ_COUNT,
                    null,
                    packageName,
                    declaredCount != null && declaredCount == entries.size() && entries.size() == staged.size()
                            ? null
                            : "移交说明声明 " + declaredCount + " 件，条目 " + entries.size() + " 个，可读取 " + staged.size() + " 件");
            f.check(
                    CheckCatalog.YJ_BYTES,
                    null,
                    packageName,
                    declaredBytes != null && declaredBytes == receivedBytes
                            ? null
                            : "移交说明声明 " + declaredBytes + " 字节，收到 " + receivedBytes + " 字节");
        } catch (IOException e) {
            f.fail(CheckCatalog.YJ_READABLE, null, packageName, "移交包无法读取：" + e.getMessage());
            return reject(
                    f,
                    packageName,
                    packageSm3,
                    packageId,
                    sourceUnit,
                    h,
                    access,
                    declaredCount,
                    0,
                    declaredBytes,
                    null);
        }
        scanner.apply(f, CheckCatalog.YJ_AV_PRESENT, CheckCatalog.YJ_VIRUS, scan);
        if (f.failed()) {
            return reject(
                    f,
                    packageName,
                    packageSm3,
                    packageId,
                    sourceUnit,
                    h,
                    access,
                    declaredCount,
                    staged.size(),
                    declaredBytes,
                    receivedBytes);
        }
        var report = checks.record(packageName, f, access.actor());
        var received = new ArrayList<ReceivedItem>();
        for (int i = 0; i < staged.size(); i++) {
            var s = staged.get(i);
            var uploads = new ArrayList<Upload>();
            for (int k = 0; k < s.files().size(); k++) {
                var path = s.files().get(k).path();
                uploads.add(new Upload(s.parsed().docs().get(k).fileName(), () -> Files.newInputStream(path)));
            }
            var result = captures.capture(
                    submission(s.parsed(), h.fondsCode().strip()),
                    uploads,
                    "transfer-" + packageId + "-" + (i + 1),
                    access.actor());
            received.add(new ReceivedItem(
                    s.parsed().archiveCode(), result.item().id(), result.item().archiveCode()));
        }
        long bytes = receivedBytes;
        UUID pid = packageId;
        String unit = sourceUnit;
        Integer count = declaredCount;
        Long totalDeclared = declaredBytes;
        long id = tx.execute(st -> {
            long rid = insertReceipt(
                    pid,
                    packageName,
                    packageSm3,
                    unit,
                    h,
                    access,
                    count,
                    received.size(),
                    totalDeclared,
                    bytes,
                    report.run().id(),
                    "ACCEPTED",
                    null);
            for (var r : received) {
                jdbc.sql(
                                """
                        insert into transfer_receipt_item (receipt_id, source_code, item_id, archive_code)
                        values (:r, :s, :i, :a)
                        """)
                        .param("r", rid)
                        .param("s", r.sourceCode())
                        .param("i", r.itemId())
                        .param("a", r.archiveCode())
                        .update();
                audit.record(
                        access.actor(),
                        "ITEM",
                        r.itemId().toString(),
                        "TRANSFER_RECEIVE",
                        null,
                        "from " + r.sourceCode() + ", package " + pid);
            }
            return rid;
        });
        return new Receipt(
                id,
                pid,
                unit == null ? "" : unit,
                received.size(),
                bytes,
                h.handedOverBy(),
                access.actor().name(),
                h.witness(),
                report.run().id(),
                received);
    }

    private static @Nullable String manifestSignatureProblem(
            byte[] bytes, org.w3c.dom.Element manifest, Set<String> trusted) {
        var sig = Xml.child(manifest, "移交说明签名");
        if (sig == null) {
            return "移交说明没有签名";
        }
        int start = Xml.indexOf(bytes, MANIFEST_START, 0);
        int end = Xml.indexOf(bytes, MANIFEST_END, Math.max(0, start));
        if (start < 0 || end < 0) {
            return "移交说明缺少移交内容";
        }
        byte[] covered = java.util.Arrays.copyOfRange(bytes, start, end + MANIFEST_END.length);
        try {
            byte[] point = Base64.getDecoder().decode(String.valueOf(Xml.text(sig, "证书")));
            byte[] value = Base64.getDecoder().decode(String.valueOf(Xml.text(sig, "签名结果")));
            if (!trusted.contains(SigningKey.keyIdOf(point))) {
                return "移交说明的签名人公钥 " + SigningKey.keyIdOf(point) + " 不在信任列表中";
            }
            return SigningKey.verify(point, covered, value) ? null : "移交说明签名验证失败：签名后内容被改动";
        } catch (IllegalArgumentException e) {
            return "移交说明签名不是有效的 Base64";
        }
    }

    /** An entry's bytes, or null when the package has no such entry; bounded by the remaining budget. */
    private static byte @Nullable [] entry(ZipFile zip, String name, long[] budget) throws IOException {
        ZipEntry e = zip.getEntry(name);
        if (e == null || e.isDirectory()) {
            return null;
        }
        try (InputStream in = zip.getInputStream(e)) {
            var out = new java.io.ByteArrayOutputStream();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                budget[0] -= n;
                if (budget[0] < 0) {
                    throw new IOException("移交包解压后超过大小上限");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        }
    }

    private Receipt reject(
            Findings f,
            String packageName,
            String packageSm3,
            @Nullable UUID packageId,
            @Nullable String sourceUnit,
            Handover h,
            Access access,
            @Nullable Integer declared,
            int received,
            @Nullable Long declaredBytes,
            @Nullable Long bytes) {
        var report = checks.record(packageName, f, access.actor());
        var failures = report.failures();
        String reason = String.join(
                "；",
                failures.stream()
                        .map(x -> x.code() + " " + x.record() + "：" + x.detail())
                        .limit(50)
                        .toList());
        tx.executeWithoutResult(s -> insertReceipt(
                packageId,
                packageName,
                packageSm3,
                sourceUnit,
                h,
                access,
                declared,
                received,
                declaredBytes,
                bytes == null ? 0 : bytes,
                report.run().id(),
                "REJECTED",
                reason));
        var v = new ArrayList<Violation>();
        for (var x : failures) {
            String name = CheckCatalog.find(x.code()).map(d -> d.nameZh()).orElse(x.code());
            v.add(Violation.of(
                    "package",
                    "checkFailed",
                    x.code(),
                    name,
                    x.record() + "：" + x.detail(),
                    report.run().id()));
        }
        throw new InvalidInputException(v);
    }

    private long insertReceipt(
            @Nullable UUID packageId,
            String packageName,
            String packageSm3,
            @Nullable String sourceUnit,
            Handover h,
            Access access,
            @Nullable Integer declared,
            int received,
            @Nullable Long declaredBytes,
            long bytes,
            long runId,
            String status,
            @Nullable String reason) {
        long id = jdbc.sql(
                        """
                insert into transfer_receipt (package_id, package_name, package_sm3, source_unit, fonds_code,
                    items_declared, items_received, bytes_declared, bytes_received, handed_over_by, received_by,
                    witness, check_run_id, status, reason)
                values (:p, :n, :s, :u, :f, :d, :r, :db, :b, :h, :by, :w, :run, :st, :reason) returning id
                """)
                .param("p", packageId)
                .param("n", packageName.length() > 255 ? packageName.substring(0, 255) : packageName)
                .param("s", packageSm3)
                .param("u", sourceUnit)
                .param("f", h.fondsCode().strip())
                .param("d", declared)
                .param("r", received)
                .param("db", declaredBytes)
                .param("b", bytes)
                .param("h", h.handedOverBy().strip())
                .param("by", access.actor().name())
                .param("w", h.witness().strip())
                .param("run", runId)
                .param("st", status)
                .param("reason", reason == null ? null : reason.length() > 2000 ? reason.substring(0, 2000) : reason)
                .query(Long.class)
                .single();
        audit.record(
                access.actor(),
                "TRANSFER_RECEIPT",
                Long.toString(id),
                status.equals("ACCEPTED") ? "RECEIVE" : "REJECT",
                status.equals("ACCEPTED") ? AuditTrail.SUCCESS : AuditTrail.FAILURE,
                null,
                packageName + " SM3 " + packageSm3 + ", " + received + " items, handed over by " + h.handedOverBy()
                        + ", witness " + h.witness() + ", check report " + runId);
        return id;
    }

    private static Submission submission(EepReader.Parsed p, String fondsCode) {
        Submission.Person person =
                p.field("社保业务信息/证件号码") == null || p.field("社保业务信息/证件号码").isBlank()
                        ? null
                        : new Submission.Person(p.field("社保业务信息/证件类型"), p.field("社保业务信息/证件号码"), p.field("社保业务信息/姓名"));
        Submission.Employer employer =
                p.field("社保业务信息/统一社会信用代码") == null || p.field("社保业务信息/统一社会信用代码").isBlank()
                        ? null
                        : new Submission.Employer(p.field("社保业务信息/统一社会信用代码"), p.field("社保业务信息/单位名称"));
        return new Submission(
                fondsCode,
                p.field("社保业务信息/业务受理号"),
                p.field("社保业务信息/业务环节代码"),
                blankToNull(p.field("社保业务信息/险种代码")),
                p.field("内容描述/题名"),
                p.field("内容描述/责任者"),
                p.field("内容描述/日期"),
                blankToNull(p.field("内容描述/文件编号")),
                blankToNull(p.field("内容描述/密级")),
                person,
                employer,
                p.field("社保业务信息/经办人"),
                p.field("社保业务信息/经办机构"),
                p.field("社保业务信息/经办时间"),
                p.docs().stream()
                        .map(d -> new Submission.Material(d.materialCode()))
                        .toList());
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The handover register, newest first. */
    public List<Map<String, Object>> register(int limit) {
        return jdbc.sql(
                        """
                select id, package_name, status, source_unit, fonds_code, items_declared, items_received, bytes_received,
                    handed_over_by, received_by, witness, check_run_id, received_at, reason
                from transfer_receipt order by id desc limit :n
                """)
                .param("n", limit)
                .query()
                .listOfRows();
    }

    static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    static void copy(InputStream in, OutputStream out) throws IOException {
        in.transferTo(out);
    }
}
