package org.siarchive.checks;

import java.util.List;
import java.util.Optional;

/**
 * The check items this platform implements, numbered after DA/T 70-2018's tables (the number after the
 * property follows the standard's item where one is known; see docs/adr/0023).
 */
public final class CheckCatalog {

    private CheckCatalog() {}

    // filing (归档)
    public static final String GD_FIXITY = "GD-1-1";
    public static final String GD_PROPERTIES = "GD-1-10";
    public static final String GD_REQUIRED = "GD-2-4";
    public static final String GD_CONTENT = "GD-2-7";
    public static final String GD_FORMAT = "GD-3-3";
    public static final String GD_AV_PRESENT = "GD-4-1";
    public static final String GD_VIRUS = "GD-4-2";
    // transfer and receipt (移交与接收)
    public static final String YJ_SIGNATURE = "YJ-1-1";
    public static final String YJ_ARCHIVE_CODE = "YJ-1-7";
    public static final String YJ_LOCK = "YJ-1-14";
    public static final String YJ_COUNT = "YJ-2-1";
    public static final String YJ_BYTES = "YJ-2-2";
    public static final String YJ_CONTENT = "YJ-2-7";
    public static final String YJ_METADATA = "YJ-2-10";
    public static final String YJ_READABLE = "YJ-3-1";
    public static final String YJ_FORMAT = "YJ-3-3";
    public static final String YJ_AV_PRESENT = "YJ-4-1";
    public static final String YJ_VIRUS = "YJ-4-2";
    // long-term preservation (长期保存)
    public static final String CQ_FIXITY = "CQ-1-1";
    public static final String CQ_SIDECAR = "CQ-1-11";
    public static final String CQ_REQUIRED = "CQ-2-4";
    public static final String CQ_CONTENT = "CQ-2-7";
    public static final String CQ_PACKAGE = "CQ-2-10";
    public static final String CQ_DATABASE = "CQ-3-2";
    public static final String CQ_FORMAT = "CQ-3-3";
    public static final String CQ_AV_PRESENT = "CQ-4-1";
    public static final String CQ_VIRUS = "CQ-4-2";

    public static final List<CheckDefinition> ALL = List.of(
            new CheckDefinition(GD_FIXITY, Stage.GD, 1, "固化信息有效性检测", "fixity information recorded and valid"),
            new CheckDefinition(GD_PROPERTIES, Stage.GD, 1, "电子属性一致性检测", "file properties agree with the metadata"),
            new CheckDefinition(GD_REQUIRED, Stage.GD, 2, "元数据必填著录项目检测", "mandatory metadata present"),
            new CheckDefinition(GD_CONTENT, Stage.GD, 2, "电子文件内容完整性检测", "content present and complete"),
            new CheckDefinition(GD_FORMAT, Stage.GD, 3, "内容数据格式检测", "content in an accepted archival format"),
            new CheckDefinition(GD_AV_PRESENT, Stage.GD, 4, "系统环境中是否安装杀毒软件检测", "virus scanner installed"),
            new CheckDefinition(GD_VIRUS, Stage.GD, 4, "电子文件病毒感染检测", "content free of viruses"),
            new CheckDefinition(
                    YJ_SIGNATURE, Stage.YJ, 1, "固化信息有效性检测（电子签名）", "package signature valid and signer trusted"),
            new CheckDefinition(YJ_ARCHIVE_CODE, Stage.YJ, 1, "档号规范性检测", "archive codes well formed and unique"),
            new CheckDefinition(YJ_LOCK, Stage.YJ, 1, "信息包真实性检测（锁定签名）", "lock signature over the whole package"),
            new CheckDefinition(YJ_COUNT, Stage.YJ, 2, "电子文件总件数相符性检测", "item count equals the declared count"),
            new CheckDefinition(YJ_BYTES, Stage.YJ, 2, "总字节数相符性检测", "total bytes equal the declared total"),
            new CheckDefinition(YJ_CONTENT, Stage.YJ, 2, "电子文件内容数据完整性检测", "content digests equal the declared digests"),
            new CheckDefinition(YJ_METADATA, Stage.YJ, 2, "信息包元数据完整性检测", "package metadata complete"),
            new CheckDefinition(YJ_READABLE, Stage.YJ, 3, "信息包中元数据的可读性检测", "package metadata readable"),
            new CheckDefinition(YJ_FORMAT, Stage.YJ, 3, "内容数据格式检测", "content in an accepted archival format"),
            new CheckDefinition(YJ_AV_PRESENT, Stage.YJ, 4, "系统环境中是否安装杀毒软件检测", "virus scanner installed"),
            new CheckDefinition(YJ_VIRUS, Stage.YJ, 4, "电子文件病毒感染检测", "content free of viruses"),
            new CheckDefinition(CQ_FIXITY, Stage.CQ, 1, "固化信息有效性检测", "stored bytes match the registered SM3/SHA-256"),
            new CheckDefinition(CQ_SIDECAR, Stage.CQ, 1, "元数据与内容关联真实性检测", "stored metadata agrees with the catalogue"),
            new CheckDefinition(CQ_REQUIRED, Stage.CQ, 2, "元数据必填著录项目检测", "mandatory metadata present"),
            new CheckDefinition(CQ_CONTENT, Stage.CQ, 2, "电子文件内容完整性检测", "every registered file present"),
            new CheckDefinition(CQ_PACKAGE, Stage.CQ, 2, "保存信息包结构完整性检测", "OCFL object and inventory valid"),
            new CheckDefinition(CQ_DATABASE, Stage.CQ, 3, "目标数据库中元数据可访问性检测", "catalogue rows readable"),
            new CheckDefinition(CQ_FORMAT, Stage.CQ, 3, "内容数据格式检测", "content in an accepted archival format"),
            new CheckDefinition(CQ_AV_PRESENT, Stage.CQ, 4, "系统环境中是否安装杀毒软件检测", "virus scanner installed"),
            new CheckDefinition(CQ_VIRUS, Stage.CQ, 4, "电子文件病毒感染检测", "content free of viruses"));

    public static List<CheckDefinition> of(Stage stage) {
        return ALL.stream().filter(d -> d.stage() == stage).toList();
    }

    public static Optional<CheckDefinition> find(String code) {
        return ALL.stream().filter(d -> d.code().equals(code)).findFirst();
    }
}
