package org.siarchive.checks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Actor;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.stereotype.Component;

/**
 * The filing check (归档环节, GD), run on a capture after its files are staged and before a 档号 is
 * assigned: fixity recorded for every file (GD-1-1), file properties agreeing with what was declared
 * (GD-1-10: count of files, the name's extension against the format found in the bytes), mandatory
 * metadata (GD-2-4), content present at its recorded size (GD-2-7), archival formats (GD-3-3) and the
 * virus items (GD-4-1/4-2). A failing item rejects the capture (422) naming the item, the field and the
 * report; nothing is registered.
 */
@Component
public class FilingCheck {

    private static final Map<String, String> EXTENSIONS = Map.ofEntries(
            Map.entry("pdf", "PDF"),
            Map.entry("ofd", "OFD"),
            Map.entry("jpg", "JPEG"),
            Map.entry("jpeg", "JPEG"),
            Map.entry("png", "PNG"),
            Map.entry("tif", "TIFF"),
            Map.entry("tiff", "TIFF"),
            Map.entry("jp2", "JP2"),
            Map.entry("j2k", "JP2"),
            Map.entry("xml", "XML"),
            Map.entry("docx", "DOCX"),
            Map.entry("xlsx", "XLSX"));

    /** One staged file as the capture path knows it. */
    public record FiledFile(
            String field,
            @Nullable String originalName,
            Path staged,
            long size,
            String sm3,
            String sha256,
            String family,
            String mediaType,
            boolean readable,
            @Nullable String policyRefusal) {}

    /** What is being filed: its 业务受理号, its mandatory fields (name → value), declared and staged files. */
    public record Filing(
            String acceptanceNo, Map<String, @Nullable String> required, int declaredFiles, List<FiledFile> files) {}

    private final FourPropertyChecks checks;
    private final VirusScanner scanner;
    private final ChecksSettings settings;

    FilingCheck(FourPropertyChecks checks, VirusScanner scanner, ChecksSettings settings) {
        this.checks = checks;
        this.scanner = scanner;
        this.settings = settings;
    }

    /** Runs the GD set, keeps the report, and throws a 422 naming every failed item when one fails. */
    public FourPropertyChecks.Report require(Filing filing, Actor actor) {
        var f = checks.begin(Stage.GD);
        f.record();
        String rec = filing.acceptanceNo();
        var missing = new ArrayList<String>();
        filing.required().forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        });
        f.check(
                CheckCatalog.GD_REQUIRED,
                null,
                rec,
                missing.isEmpty() ? null : "缺少必填著录项目：" + String.join("、", missing));
        if (filing.files().size() != filing.declaredFiles()) {
            f.fail(
                    CheckCatalog.GD_PROPERTIES,
                    null,
                    "files",
                    "著录的材料 " + filing.declaredFiles() + " 份，收到文件 "
                            + filing.files().size() + " 个");
        }
        var scan = new LinkedHashMap<Path, VirusScanner.Owner>();
        for (var file : filing.files()) {
            f.check(CheckCatalog.GD_FIXITY, null, file.field(), fixityProblem(file));
            f.check(CheckCatalog.GD_PROPERTIES, null, file.field(), propertyProblem(file));
            f.check(CheckCatalog.GD_CONTENT, null, file.field(), contentProblem(file));
            f.check(
                    CheckCatalog.GD_FORMAT,
                    null,
                    file.field(),
                    !settings.archivalMediaTypes().contains(file.mediaType())
                            ? "格式 " + file.mediaType() + " 不在归档格式清单内"
                            : !file.readable() ? "文件无法按 " + file.family() + " 解析" : file.policyRefusal());
            scan.put(file.staged(), new VirusScanner.Owner(null, file.field()));
        }
        scanner.apply(f, CheckCatalog.GD_AV_PRESENT, CheckCatalog.GD_VIRUS, scan);
        var report = checks.record(rec, f, actor);
        if (!report.passed()) {
            var v = new ArrayList<Violation>();
            for (var x : report.failures()) {
                String name = CheckCatalog.find(x.code()).map(d -> d.nameZh()).orElse(x.code());
                v.add(Violation.of(
                        x.record(),
                        "checkFailed",
                        x.code(),
                        name,
                        x.detail(),
                        report.run().id()));
            }
            throw new InvalidInputException(v);
        }
        return report;
    }

    private static @Nullable String fixityProblem(FiledFile file) {
        if (!file.sm3().matches("[0-9a-f]{64}") || !file.sha256().matches("[0-9a-f]{64}")) {
            return "SM3/SHA-256 摘要未登记或格式错误";
        }
        return null;
    }

    static @Nullable String propertyProblem(FiledFile file) {
        String name = file.originalName();
        if (name == null || name.lastIndexOf('.') < 0) {
            return null;
        }
        String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String claimed = EXTENSIONS.get(ext);
        if (claimed != null && !claimed.equals(file.family())) {
            return "文件名扩展名 ." + ext + " 与按内容识别的格式 " + file.family() + " 不一致";
        }
        return null;
    }

    private static @Nullable String contentProblem(FiledFile file) {
        if (file.size() <= 0) {
            return "文件为空";
        }
        try {
            long onDisk = Files.size(file.staged());
            return onDisk == file.size() ? null : "暂存文件 " + onDisk + " 字节，登记 " + file.size() + " 字节";
        } catch (IOException e) {
            return "暂存文件缺失：" + e.getMessage();
        }
    }
}
