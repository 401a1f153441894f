package org.siarchive.transfer;

import static org.siarchive.transfer.Xml.escape;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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

    /** One file's content: inline bytes (EEP) or a path inside a folder package. */
    record Content(@Nullable byte[] bytes, @Nullable String packagePath) {}

    static byte[] write(
            ItemRecord item, Map<Integer, Content> contents, String creatingUnit, SigningKey key, OffsetDateTime now) {
        String time =
                TIME.format(now.withOffsetSameInstant(ZoneOffset.ofHours(8)).toLocalDateTime());
        var s = new StringBuilder(4096);
        s.append("<被签名对象 eep版本=\"2009\">");
        el(s, "封装包类型", "原始型");
        el(s, "封装包类型描述", "本封装包包含电子文件数据及其元数据，原始封装，未经修改");
        el(s, "封装包创建时间", time);
        el(s, "封装包创建单位", creatingUnit);
        s.append("<封装内容><文件实体块><文件实体>");
        el(s, "聚合层次", "件");
        s.append("<来源>");
        el(s, "档案馆名称", "");
        el(s, "档案馆代码", "");
        el(s, "全宗名称", item.fondsName());
        el(s, "立档单位名称", item.handlingAgency());
        s.append("</来源>");
        el(s, "电子文件号", item.id().toString());
        s.append("<档号>");
        el(s, "全宗号", item.fondsCode());
        el(s, "年度", Integer.toString(item.year()));
        el(s, "保管期限", item.retentionName());
        el(s, "类别号", item.categoryCode());
        el(s, "室编件号", Integer.toString(item.itemNo()));
        s.append("</档号>");
        s.append("<内容描述>");
        el(s, "题名", item.title());
        el(s, "文件编号", item.docNo());
        el(s, "责任者", item.responsible());
        el(s, "日期", item.docDate().toString());
        el(s, "密级", item.securityLevel());
        s.append("</内容描述>");
        s.append("<形式特征>");
        el(s, "件数", "1");
        el(s, "语种", "汉语");
        s.append("</形式特征>");
        s.append("<存储位置>");
        el(s, "当前位置", item.objectId());
        s.append("</存储位置>");
        s.append("<权限管理>");
        el(s, "控制标识", "00".equals(item.securityLevel()) ? "公开" : "控制");
        s.append("</权限管理>");
        el(s, "信息系统描述", "SIArchive 社保档案管理平台");
        el(s, "附注", "");
        s.append("<社保业务信息>");
        el(s, "原档号", item.archiveCode());
        el(s, "业务受理号", item.acceptanceNo());
        el(s, "类别代码", item.categoryCode());
        el(s, "类别名称", item.categoryName());
        el(s, "业务环节代码", item.stepCode());
        el(s, "业务环节名称", item.stepName());
        el(s, "险种代码", item.insuranceType());
        el(s, "保管期限代码", item.retentionCode());
        el(s, "经办人", item.handler());
        el(s, "经办机构", item.handlingAgency());
        el(s, "经办时间", item.handledAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        el(s, "证件类型", item.certType());
        el(s, "证件号码", item.certNo());
        el(s, "姓名", item.personName());
        el(s, "统一社会信用代码", item.creditCode());
        el(s, "单位名称", item.employerName());
        s.append("</社保业务信息>");
        s.append("<文件数据>");
        for (var f : item.files()) {
            var content = contents.get(f.seq());
            s.append("<文档>");
            el(s, "文档标识符", item.id() + "/" + f.seq());
            el(s, "文档序号", Integer.toString(f.seq()));
            el(s, "文档主从声明", f.seq() == 1 ? "主文件" : "附件");
            el(s, "题名", f.materialName());
            el(s, "材料代码", f.materialCode());
            s.append("<文档数据 文档数据标识符=\"")
                    .append(escape(item.id() + "/" + f.seq()))
                    .append("\">");
            s.append("<编码 编码标识符=\"")
                    .append(escape(item.id() + "/" + f.seq() + "/1"))
                    .append("\">");
            s.append("<电子属性>");
            el(s, "格式信息", f.formatName());
            el(s, "媒体类型", f.mediaType());
            el(s, "计算机文件名", fileName(f.logicalPath()));
            el(s, "计算机文件大小", Long.toString(f.sizeBytes()));
            el(s, "文档创建程序", "");
            s.append("</电子属性>");
            s.append("<数字摘要 算法=\"SM3\">").append(f.sm3()).append("</数字摘要>");
            s.append("<数字摘要 算法=\"SHA-256\">").append(f.sha256()).append("</数字摘要>");
            if (content != null && content.bytes() != null) {
                el(s, "编码描述", "“编码数据”元素存储计算机文件二进制流的 Base64 编码");
                el(s, "反编码关键字", "base64");
                s.append("<编码数据>")
                        .append(Base64.getMimeEncoder().encodeToString(content.bytes()))
                        .append("</编码数据>");
            } else if (content != null && content.packagePath() != null) {
                el(s, "编码描述", "计算机文件以原始字节存于文件夹包内，见“文件路径”");
                el(s, "文件路径", content.packagePath());
            }
            s.append("</编码></文档数据></文档>");
        }
        s.append("</文件数据>");
        s.append("</文件实体></文件实体块>");
        s.append("<业务实体块><业务实体>");
        el(s, "业务标识符", item.acceptanceNo());
        el(s, "机构人员标识符", item.handler());
        el(s, "文件标识符", item.id().toString());
        el(s, "业务状态", "办结");
        el(s, "业务行为", item.stepName());
        el(s, "行为时间", item.handledAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        el(s, "行为依据", "人力资源社会保障部令第3号《社会保险业务档案管理规定》");
        el(s, "行为描述", item.stepName() + "，经办机构：" + item.handlingAgency());
        s.append("</业务实体></业务实体块>");
        s.append("<机构人员实体块><机构人员实体>");
        el(s, "机构人员标识符", item.handler());
        el(s, "机构人员类型", "个人");
        el(s, "机构人员名称", item.handler());
        el(s, "组织机构代码", "");
        el(s, "个人职位", "经办人");
        s.append("</机构人员实体></机构人员实体块>");
        s.append("</封装内容></被签名对象>");
        byte[] signedObject = s.toString().getBytes(StandardCharsets.UTF_8);

        var block = new StringBuilder();
        block.append("<电子签名块><电子签名>");
        el(block, "签名标识符", "1");
        el(block, "签名规则", SIGN_RULE);
        el(block, "签名时间", time);
        el(block, "签名人", creatingUnit);
        el(block, "签名结果", Base64.getEncoder().encodeToString(key.sign(signedObject)));
        certificate(block, key);
        el(block, "签名算法标识", "SM3withSM2");
        block.append("</电子签名></电子签名块>");
        byte[] blockBytes = block.toString().getBytes(StandardCharsets.UTF_8);

        byte[] locked = concat(signedObject, blockBytes);
        var lock = new StringBuilder();
        lock.append("<锁定签名>");
        el(lock, "被锁定签名标识符", "1");
        el(lock, "签名规则", LOCK_RULE);
        el(lock, "签名时间", time);
        el(lock, "签名人", creatingUnit);
        el(lock, "签名结果", Base64.getEncoder().encodeToString(key.sign(locked)));
        certificate(lock, key);
        el(lock, "签名算法标识", "SM3withSM2");
        lock.append("</锁定签名>");

        String head = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<电子文件封装包 xmlns=\"" + Xml.NS + "\">" + "<封装包格式描述>"
                + DESCRIPTION + "</封装包格式描述><版本>2009</版本>";
        String tail = lock + "</电子文件封装包>\n";
        return concat(head.getBytes(StandardCharsets.UTF_8), locked, tail.getBytes(StandardCharsets.UTF_8));
    }

    private static void certificate(StringBuilder s, SigningKey key) {
        s.append("<证书块>");
        el(s, "证书", Base64.getEncoder().encodeToString(key.publicPoint()));
        el(s, "证书引证", "SM2 公钥，标识 " + key.keyId());
        s.append("</证书块>");
    }

    private static void el(StringBuilder s, String name, @Nullable String value) {
        s.append('<')
                .append(name)
                .append('>')
                .append(escape(value))
                .append("</")
                .append(name)
                .append('>');
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
