package org.siarchive.transfer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.jspecify.annotations.Nullable;
import org.siarchive.checks.CheckCatalog;
import org.siarchive.checks.Findings;
import org.siarchive.checks.FourPropertyChecks;
import org.siarchive.checks.Stage;
import org.siarchive.checks.VirusScanner;
import org.siarchive.crypto.Sm3;
import org.siarchive.preservation.AcceptedFormats;
import org.siarchive.preservation.FileSettings;
import org.siarchive.preservation.Fixity;
import org.siarchive.preservation.Preservation;
import org.siarchive.preservation.StagedFile;
import org.siarchive.preservation.ZipGuard;
import org.siarchive.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The YJ checks of a received package: manifest readable and signed (3-1, 1-14), per record the metadata
 * file's SM3 against the manifest (1-14), its signatures (1-1, 1-14), elements (2-10), 档号 (1-7), each
 * document's content staged and compared with its declared size, SM3 and SHA-256 (2-7) and format (3-3);
 * the declared count and bytes (2-1, 2-2); the virus items. Entry names are only looked up in the zip,
 * never used as paths, and the decompressed total is bounded.
 */
@Component
class PackageInspection {

    private static final int MAX_ENTRIES = 200_000;

    private final FourPropertyChecks checks;
    private final VirusScanner scanner;
    private final AcceptedFormats acceptedFormats;
    private final Preservation preservation;
    private final TransferSettings settings;
    private final TransferKey key;
    private final FileSettings fileSettings;

    PackageInspection(
            FourPropertyChecks checks,
            VirusScanner scanner,
            AcceptedFormats acceptedFormats,
            Preservation preservation,
            TransferSettings settings,
            TransferKey key,
            FileSettings fileSettings) {
        this.fileSettings = fileSettings;
        this.checks = checks;
        this.scanner = scanner;
        this.acceptedFormats = acceptedFormats;
        this.preservation = preservation;
        this.settings = settings;
        this.key = key;
    }

    /** One record, checked, with its content staged. */
    record Staged(EepReader.Parsed parsed, List<StagedFile> files) {}

    record Inspection(
            Findings findings,
            @Nullable UUID packageId,
            @Nullable String sourceUnit,
            @Nullable Integer declaredCount,
            @Nullable Long declaredBytes,
            long receivedBytes,
            List<Staged> records) {}

    Inspection inspect(Path packageFile, String packageName, String stagingKey, ReceiptProgress.Tracker tracker) {
        var guard = new ZipGuard(packageName, MAX_ENTRIES, fileSettings.zipMaxRatio());
        var pass = new Pass(checks.begin(Stage.YJ), stagingKey, key.trusted(), guard);
        try (var zip = new ZipFile(packageFile.toFile(), StandardCharsets.UTF_8)) {
            guard.entries(zip.size());
            pass.run(zip, packageName, tracker);
        } catch (IOException e) {
            pass.f.fail(CheckCatalog.YJ_READABLE, null, packageName, "移交包无法读取：" + e.getMessage());
        } catch (InvalidInputException e) {
            // a bound of the file policy: the receipt is refused with its report like any failed item
            pass.f.fail(CheckCatalog.YJ_READABLE, null, packageName, "移交包超出解压限制：" + bounds(e));
        }
        scanner.apply(pass.f, CheckCatalog.YJ_AV_PRESENT, CheckCatalog.YJ_VIRUS, pass.scan);
        var m = pass.manifest;
        return new Inspection(
                pass.f,
                m == null ? null : m.packageId(),
                m == null ? null : m.unit(),
                m == null ? null : m.count(),
                m == null ? null : m.bytes(),
                pass.receivedBytes,
                pass.records);
    }

    private static String bounds(InvalidInputException e) {
        return e.violations().stream()
                .map(v -> v.rule() + " " + String.join(" ", v.args()))
                .collect(java.util.stream.Collectors.joining("；"));
    }

    /** The state of one inspection. */
    private final class Pass {
        final Findings f;
        final String stagingKey;
        final Set<String> trusted;
        final List<Staged> records = new ArrayList<>();
        final Map<Path, VirusScanner.Owner> scan = new LinkedHashMap<>();
        final Set<String> seenCodes = new HashSet<>();
        long budget = settings.maxPackageSize().toBytes() * 4;
        long receivedBytes;
        int seq;
        Manifest.@Nullable Read manifest;

        final ZipGuard guard;

        Pass(Findings f, String stagingKey, Set<String> trusted, ZipGuard guard) {
            this.guard = guard;
            this.f = f;
            this.stagingKey = stagingKey;
            this.trusted = trusted;
        }

        void run(ZipFile zip, String packageName, ReceiptProgress.Tracker tracker) throws IOException {
            byte[] bytes = entry(zip, Manifest.NAME);
            if (bytes == null) {
                f.fail(CheckCatalog.YJ_READABLE, null, Manifest.NAME, "包中没有移交说明 manifest.xml");
                return;
            }
            try {
                manifest = Manifest.read(bytes, settings.maxXmlSize().toBytes(), trusted);
                f.pass(CheckCatalog.YJ_READABLE);
            } catch (IOException e) {
                f.fail(CheckCatalog.YJ_READABLE, null, Manifest.NAME, "移交说明无法解析：" + e.getMessage());
                return;
            }
            f.check(CheckCatalog.YJ_LOCK, null, Manifest.NAME, manifest.signatureProblem());
            if (manifest.headerProblem() != null) {
                f.fail(CheckCatalog.YJ_METADATA, null, Manifest.NAME, manifest.headerProblem());
            }
            int listed = manifest.entries().size();
            for (int i = 0; i < listed; i++) {
                tracker.at(ReceiptProgress.Stage.CHECKING, i, listed);
                record(zip, manifest.entries().get(i));
            }
            f.check(
                    CheckCatalog.YJ_COUNT,
                    null,
                    packageName,
                    manifest.count() != null && manifest.count() == listed && listed == records.size()
                            ? null
                            : "移交说明声明 " + manifest.count() + " 件，条目 " + listed + " 个，可读取 " + records.size() + " 件");
            f.check(
                    CheckCatalog.YJ_BYTES,
                    null,
                    packageName,
                    manifest.bytes() != null && manifest.bytes() == receivedBytes
                            ? null
                            : "移交说明声明 " + manifest.bytes() + " 字节，收到 " + receivedBytes + " 字节");
        }

        /** One record of the manifest: its metadata file checked and parsed, its documents staged and checked. */
        private void record(ZipFile zip, Manifest.Entry entry) throws IOException {
            String listedCode = entry.archiveCode();
            byte[] meta = entry(zip, entry.metadataFile());
            f.record();
            if (meta == null) {
                f.fail(CheckCatalog.YJ_CONTENT, null, listedCode, "包中缺少元数据文件 " + entry.metadataFile());
                return;
            }
            f.check(
                    CheckCatalog.YJ_LOCK,
                    null,
                    listedCode,
                    Fixity.sameDigest(Sm3.hex(Sm3.digest(meta)), entry.metadataSm3())
                            ? null
                            : "元数据文件 " + entry.metadataFile() + " 的 SM3 与移交说明不符");
            var parsed = parse(meta, listedCode);
            if (parsed == null) {
                return;
            }
            checkDescription(parsed, listedCode);
            var files = new ArrayList<StagedFile>();
            var problems = new ArrayList<String>();
            for (var d : parsed.docs()) {
                stageDocument(zip, d, parsed.archiveCode(), files, problems);
            }
            f.check(
                    CheckCatalog.YJ_CONTENT,
                    null,
                    parsed.archiveCode(),
                    problems.isEmpty() ? null : String.join("；", problems));
            records.add(new Staged(parsed, files));
        }

        /** The record's metadata parsed (readable passes), or null when it cannot be (readable fails). */
        private EepReader.@Nullable Parsed parse(byte[] meta, String listedCode) {
            try {
                var parsed = EepReader.read(meta, settings.maxXmlSize().toBytes(), trusted);
                f.pass(CheckCatalog.YJ_READABLE);
                return parsed;
            } catch (IOException e) {
                f.fail(CheckCatalog.YJ_READABLE, null, listedCode, "元数据无法解析：" + e.getMessage());
                return null;
            }
        }

        /** Signatures, required elements and the 档号: as written, as listed, once in the package. */
        private void checkDescription(EepReader.Parsed parsed, String listedCode) {
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
        }

        /** Stages one document's content and compares it with what the package declares of it. */
        private void stageDocument(
                ZipFile zip, EepReader.Doc d, String code, List<StagedFile> files, List<String> problems)
                throws IOException {
            byte[] data = d.inline() != null ? d.inline() : d.path() == null ? null : entry(zip, d.path());
            if (d.problem() != null || data == null) {
                problems.add("文档 " + d.seq() + "：" + (d.problem() != null ? d.problem() : "包中缺少 " + d.path()));
                return;
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
            if (!fx.matches(new Fixity(d.declaredSize(), d.sm3(), d.sha256()))) {
                problems.add("文档 " + d.seq() + "（" + d.fileName() + "）的 SM3/SHA-256/大小与封装包登记的不一致");
            }
            checkFormat(d, sf, code);
        }

        private void checkFormat(EepReader.Doc d, StagedFile sf, String code) {
            boolean archival = acceptedFormats.accepts(sf.format())
                    && sf.format().readable()
                    && sf.format().refusal() == null;
            f.check(
                    CheckCatalog.YJ_FORMAT,
                    null,
                    code,
                    archival
                            ? null
                            : "文档 " + d.seq() + " 的格式 " + sf.format().mediaType() + " 不在归档格式清单内或无法解析"
                                    + (sf.format().refusal() == null
                                            ? ""
                                            : "：" + sf.format().refusal().detail()));
        }

        /** An entry's bytes, or null when the package has no such entry; bounded by what is left of the budget. */
        private byte @Nullable [] entry(ZipFile zip, String name) throws IOException {
            ZipEntry e = zip.getEntry(name);
            if (e == null || e.isDirectory()) {
                return null;
            }
            try (InputStream in = guard.expanding(zip.getInputStream(e), name, e.getCompressedSize())) {
                var out = new java.io.ByteArrayOutputStream();
                byte[] buf = new byte[64 * 1024];
                int n;
                while ((n = in.read(buf)) > 0) {
                    budget -= n;
                    if (budget < 0) {
                        throw new IOException("移交包解压后超过大小上限");
                    }
                    out.write(buf, 0, n);
                }
                return out.toByteArray();
            }
        }
    }
}
