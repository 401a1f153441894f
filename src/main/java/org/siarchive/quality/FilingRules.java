package org.siarchive.quality;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the filing check (归档环节 GD, DA/T 70-2018) asks of a capture before a 档号 is assigned: fixity
 * recorded for every file (GD-1-1), file properties agreeing with what was declared (GD-1-10: the count of
 * files, the name's extension against the format found in the bytes), the mandatory fields of
 * {@link RequiredField} (GD-2-4), content present at its recorded size (GD-2-7) and accepted formats
 * (GD-3-3). Pure: the caller passes what it staged and what the accepted-format policy says of each file;
 * the virus items need a scanner and stay with the check module, which also keeps the run.
 */
public final class FilingRules {

    private FilingRules() {}

    /** The items decided here. */
    public enum Rule {
        FIXITY,
        PROPERTIES,
        REQUIRED,
        CONTENT,
        FORMAT
    }

    /**
     * One staged file as the capture path knows it: {@code claimedFamily} is the format its name's extension
     * claims (null without one), {@code stagedBytes} its size on disk now ({@code stagedProblem} when that
     * cannot be read), {@code accepted} whether its family is an accepted format.
     */
    public record FiledFile(
            String field,
            @Nullable String originalName,
            @Nullable String claimedFamily,
            Path staged,
            long size,
            long stagedBytes,
            @Nullable String stagedProblem,
            String sm3,
            String sha256,
            String family,
            String mediaType,
            boolean accepted,
            boolean readable,
            @Nullable String policyRefusal) {}

    /** What is being filed: its 业务受理号, its mandatory fields (name → value), declared and staged files. */
    public record Filing(
            String acceptanceNo, Map<String, @Nullable String> required, int declaredFiles, List<FiledFile> files) {}

    /** One rule over one record ({@code files[0]}, or the 业务受理号): passed when {@code problem} is null. */
    public record Finding(Rule rule, String record, @Nullable String problem) {}

    /** Every rule over the filing, in the order a report lists them. */
    public static List<Finding> check(Filing filing) {
        var out = new ArrayList<Finding>();
        out.add(new Finding(Rule.REQUIRED, filing.acceptanceNo(), missing(filing.required())));
        if (filing.files().size() != filing.declaredFiles()) {
            out.add(new Finding(
                    Rule.PROPERTIES,
                    "files",
                    "著录的材料 " + filing.declaredFiles() + " 份，收到文件 "
                            + filing.files().size() + " 个"));
        }
        for (var file : filing.files()) {
            out.add(new Finding(Rule.FIXITY, file.field(), fixityProblem(file)));
            out.add(new Finding(Rule.PROPERTIES, file.field(), propertyProblem(file)));
            out.add(new Finding(Rule.CONTENT, file.field(), contentProblem(file)));
            out.add(new Finding(Rule.FORMAT, file.field(), formatProblem(file)));
        }
        return out;
    }

    private static @Nullable String missing(Map<String, @Nullable String> required) {
        var missing = new ArrayList<String>();
        required.forEach((name, value) -> {
            if (value == null || value.isBlank()) {
                missing.add(name);
            }
        });
        return missing.isEmpty() ? null : "缺少必填著录项目：" + String.join("、", missing);
    }

    private static @Nullable String fixityProblem(FiledFile file) {
        if (!file.sm3().matches("[0-9a-f]{64}") || !file.sha256().matches("[0-9a-f]{64}")) {
            return "SM3/SHA-256 摘要未登记或格式错误";
        }
        return null;
    }

    static @Nullable String propertyProblem(FiledFile file) {
        String claimed = file.claimedFamily();
        if (claimed != null && !claimed.equals(file.family()) && file.originalName() != null) {
            String name = file.originalName();
            String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
            return "文件名扩展名 ." + ext + " 与按内容识别的格式 " + file.family() + " 不一致";
        }
        return null;
    }

    private static @Nullable String contentProblem(FiledFile file) {
        if (file.size() <= 0) {
            return "文件为空";
        }
        if (file.stagedProblem() != null) {
            return "暂存文件缺失：" + file.stagedProblem();
        }
        return file.stagedBytes() == file.size()
                ? null
                : "暂存文件 " + file.stagedBytes() + " 字节，登记 " + file.size() + " 字节";
    }

    private static @Nullable String formatProblem(FiledFile file) {
        if (!file.accepted()) {
            return "格式 " + file.mediaType() + " 不在归档格式清单内";
        }
        return !file.readable() ? "文件无法按 " + file.family() + " 解析" : file.policyRefusal();
    }
}
