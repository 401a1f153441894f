package org.siarchive.transfer;

import static org.siarchive.transfer.Xml.element;
import static org.siarchive.transfer.Xml.escape;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.crypto.SigningKey;

/**
 * Writes one item as a DA/T 48-2009 electronic-file encapsulation package (EEP): the record entity with
 * its DA/T 46 blocks and a social-insurance extension block (社保业务信息), one 文档 per file with its
 * electronic properties, SM3 and SHA-256 digests and either the base64 content (编码数据) or, in a folder
 * package, the content's path in the package (文件路径); a business entity and an agent entity; an SM3withSM2
 * signature over the exact UTF-8 bytes of {@code <被签名对象 …>…</被签名对象>} and a lock signature over the
 * bytes from {@code <被签名对象} to {@code </电子签名块>}.
 */
final class Eep {

    static final String DESCRIPTION = "本EEP根据中华人民共和国档案行业标准DA/T 48-2009《基于XML的电子文件封装规范》生成";
    static final String SIGN_RULE = "SM3withSM2，签名对象为“被签名对象”元素自起始标记至结束标记的 UTF-8 字节";
    static final String LOCK_RULE = "SM3withSM2，签名对象为自“被签名对象”起始标记至“电子签名块”结束标记的 UTF-8 字节";
    static final byte[] SIGNED_START = "<被签名对象".getBytes(StandardCharsets.UTF_8);
    static final byte[] SIGNED_END = "</被签名对象>".getBytes(StandardCharsets.UTF_8);
    static final byte[] BLOCK_END = "</电子签名块>".getBytes(StandardCharsets.UTF_8);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private Eep() {}

    /** An instant with the offset of the zone the package was written in, as a person there reads it. */
    private static String readable(OffsetDateTime t, ZonedDateTime zoneOf) {
        return t.atZoneSameInstant(zoneOf.getZone()).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /** One file's content: inline bytes (EEP) or a path inside a folder package. */
    record Content(@Nullable byte[] bytes, @Nullable String packagePath) {}

    static byte[] write(
            ItemRecord item, Map<Integer, Content> contents, String creatingUnit, SigningKey key, ZonedDateTime now) {
        String time = TIME.format(now.toLocalDateTime());
        var s = new StringBuilder(4096);
        s.append("<被签名对象 eep版本=\"2009\">");
        packageHeader(s, time, creatingUnit);
        s.append("<封装内容><文件实体块><文件实体>");
        recordEntity(s, item);
        socialInsuranceBlock(s, item, now);
        s.append("<文件数据>");
        for (var f : item.files()) {
            document(s, item, f, contents.get(f.seq()));
        }
        s.append("</文件数据>");
        s.append("</文件实体></文件实体块>");
        businessEntity(s, item, now);
        agentEntity(s, item);
        s.append("</封装内容></被签名对象>");
        return sealed(s.toString().getBytes(StandardCharsets.UTF_8), time, creatingUnit, key);
    }

    private static void packageHeader(StringBuilder s, String time, String creatingUnit) {
        element(s, "封装包类型", "原始型");
        element(s, "封装包类型描述", "本封装包包含电子文件数据及其元数据，原始封装，未经修改");
        element(s, "封装包创建时间", time);
        element(s, "封装包创建单位", creatingUnit);
    }

    /** The record entity's DA/T 46 blocks: source, 档号, content description, form, location, rights. */
    private static void recordEntity(StringBuilder s, ItemRecord item) {
        element(s, "聚合层次", "件");
        s.append("<来源>");
        element(s, "档案馆名称", "");
        element(s, "档案馆代码", "");
        element(s, "全宗名称", item.fondsName());
        element(s, "立档单位名称", item.handlingAgency());
        s.append("</来源>");
        element(s, "电子文件号", item.id().toString());
        s.append("<档号>");
        element(s, "全宗号", item.fondsCode());
        element(s, "年度", Integer.toString(item.year()));
        element(s, "保管期限", item.retentionName());
        element(s, "类别号", item.categoryCode());
        element(s, "室编件号", Integer.toString(item.itemNo()));
        s.append("</档号>");
        s.append("<内容描述>");
        element(s, "题名", item.title());
        element(s, "文件编号", item.docNo());
        element(s, "责任者", item.responsible());
        element(s, "日期", item.docDate().toString());
        element(s, "密级", item.securityLevel());
        s.append("</内容描述>");
        s.append("<形式特征>");
        element(s, "件数", "1");
        element(s, "语种", "汉语");
        s.append("</形式特征>");
        s.append("<存储位置>");
        element(s, "当前位置", item.objectId());
        s.append("</存储位置>");
        s.append("<权限管理>");
        element(s, "控制标识", "00".equals(item.securityLevel()) ? "公开" : "控制");
        s.append("</权限管理>");
        element(s, "信息系统描述", "SIArchive 社保档案管理平台");
        element(s, "附注", "");
    }

    /** The social-insurance extension block (社保业务信息). */
    private static void socialInsuranceBlock(StringBuilder s, ItemRecord item, ZonedDateTime now) {
        s.append("<社保业务信息>");
        element(s, "原档号", item.archiveCode());
        element(s, "业务受理号", item.acceptanceNo());
        element(s, "类别代码", item.categoryCode());
        element(s, "类别名称", item.categoryName());
        element(s, "业务环节代码", item.stepCode());
        element(s, "业务环节名称", item.stepName());
        element(s, "险种代码", item.insuranceType());
        element(s, "保管期限代码", item.retentionCode());
        element(s, "经办人", item.handler());
        element(s, "经办机构", item.handlingAgency());
        element(s, "经办时间", readable(item.handledAt(), now));
        element(s, "证件类型", item.certType());
        element(s, "证件号码", item.certNo());
        element(s, "姓名", item.personName());
        element(s, "统一社会信用代码", item.creditCode());
        element(s, "单位名称", item.employerName());
        s.append("</社保业务信息>");
    }

    /** One 文档: its electronic properties, both digests and the content inline or by path. */
    private static void document(StringBuilder s, ItemRecord item, ItemRecord.ItemFile f, @Nullable Content content) {
        s.append("<文档>");
        element(s, "文档标识符", item.id() + "/" + f.seq());
        element(s, "文档序号", Integer.toString(f.seq()));
        element(s, "文档主从声明", f.seq() == 1 ? "主文件" : "附件");
        element(s, "题名", f.materialName());
        element(s, "材料代码", f.materialCode());
        s.append("<文档数据 文档数据标识符=\"").append(escape(item.id() + "/" + f.seq())).append("\">");
        s.append("<编码 编码标识符=\"")
                .append(escape(item.id() + "/" + f.seq() + "/1"))
                .append("\">");
        s.append("<电子属性>");
        element(s, "格式信息", f.formatName());
        element(s, "媒体类型", f.mediaType());
        element(s, "计算机文件名", fileName(f.logicalPath()));
        element(s, "计算机文件大小", Long.toString(f.sizeBytes()));
        element(s, "文档创建程序", "");
        s.append("</电子属性>");
        s.append("<数字摘要 算法=\"SM3\">").append(f.sm3()).append("</数字摘要>");
        s.append("<数字摘要 算法=\"SHA-256\">").append(f.sha256()).append("</数字摘要>");
        if (content != null && content.bytes() != null) {
            element(s, "编码描述", "“编码数据”元素存储计算机文件二进制流的 Base64 编码");
            element(s, "反编码关键字", "base64");
            s.append("<编码数据>")
                    .append(Base64.getMimeEncoder().encodeToString(content.bytes()))
                    .append("</编码数据>");
        } else if (content != null && content.packagePath() != null) {
            element(s, "编码描述", "计算机文件以原始字节存于文件夹包内，见“文件路径”");
            element(s, "文件路径", content.packagePath());
        }
        s.append("</编码></文档数据></文档>");
    }

    private static void businessEntity(StringBuilder s, ItemRecord item, ZonedDateTime now) {
        s.append("<业务实体块><业务实体>");
        element(s, "业务标识符", item.acceptanceNo());
        element(s, "机构人员标识符", item.handler());
        element(s, "文件标识符", item.id().toString());
        element(s, "业务状态", "办结");
        element(s, "业务行为", item.stepName());
        element(s, "行为时间", readable(item.handledAt(), now));
        element(s, "行为依据", "人力资源社会保障部令第3号《社会保险业务档案管理规定》");
        element(s, "行为描述", item.stepName() + "，经办机构：" + item.handlingAgency());
        s.append("</业务实体></业务实体块>");
    }

    private static void agentEntity(StringBuilder s, ItemRecord item) {
        s.append("<机构人员实体块><机构人员实体>");
        element(s, "机构人员标识符", item.handler());
        element(s, "机构人员类型", "个人");
        element(s, "机构人员名称", item.handler());
        element(s, "组织机构代码", "");
        element(s, "个人职位", "经办人");
        s.append("</机构人员实体></机构人员实体块>");
    }

    /**
     * The signed object, its signature block and the lock signature over both, inside the package's head
     * and tail: the bytes signed are exactly the bytes written.
     */
    private static byte[] sealed(byte[] signedObject, String time, String creatingUnit, SigningKey key) {
        byte[] blockBytes = ("<电子签名块>"
                        + PackageSignature.write("电子签名", "签名标识符", SIGN_RULE, time, creatingUnit, key, signedObject)
                        + "</电子签名块>")
                .getBytes(StandardCharsets.UTF_8);
        byte[] locked = concat(signedObject, blockBytes);
        String lock = PackageSignature.write("锁定签名", "被锁定签名标识符", LOCK_RULE, time, creatingUnit, key, locked);

        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<电子文件封装包 xmlns=\"" + Xml.NS + "\">" + "<封装包格式描述>"
                + DESCRIPTION + "</封装包格式描述><版本>2009</版本>";
        String tail = lock + "</电子文件封装包>\n";
        return concat(head.getBytes(StandardCharsets.UTF_8), locked, tail.getBytes(StandardCharsets.UTF_8));
    }

    static String fileName(String logicalPath) {
        return logicalPath.substring(logicalPath.lastIndexOf('/') + 1);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    static final List<String> REQUIRED = List.of(
            "聚合层次",
            "来源/全宗名称",
            "电子文件号",
            "档号/全宗号",
            "内容描述/题名",
            "内容描述/责任者",
            "内容描述/日期",
            "社保业务信息/原档号",
            "社保业务信息/业务受理号",
            "社保业务信息/业务环节代码",
            "社保业务信息/经办人",
            "社保业务信息/经办机构",
            "社保业务信息/经办时间");
}
