package org.siarchive.transfer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Reads an EEP (or a folder package's metadata XML, which has the same form with 文件路径 in place of
 * 编码数据): hardened parse, the elements a receiver needs, the declared digests, and both signatures
 * verified against the exact bytes they cover.
 */
final class EepReader {

    private EepReader() {}

    /** One 文档 of the package. */
    record Doc(
            int seq,
            String materialCode,
            String fileName,
            long declaredSize,
            String sm3,
            String sha256,
            byte @Nullable [] inline,
            @Nullable String path,
            @Nullable String problem) {}

    record Parsed(
            String archiveCode,
            Map<String, @Nullable String> fields,
            List<Doc> docs,
            List<String> missing,
            @Nullable String signatureProblem,
            @Nullable String lockProblem) {

        @Nullable
        String field(String path) {
            return fields.get(path);
        }
    }

    static final List<String> FIELDS = List.of(
            "聚合层次",
            "来源/全宗名称",
            "电子文件号",
            "档号/全宗号",
            "内容描述/题名",
            "内容描述/文件编号",
            "内容描述/责任者",
            "内容描述/日期",
            "内容描述/密级",
            "社保业务信息/原档号",
            "社保业务信息/业务受理号",
            "社保业务信息/类别代码",
            "社保业务信息/业务环节代码",
            "社保业务信息/险种代码",
            "社保业务信息/保管期限代码",
            "社保业务信息/经办人",
            "社保业务信息/经办机构",
            "社保业务信息/经办时间",
            "社保业务信息/证件类型",
            "社保业务信息/证件号码",
            "社保业务信息/姓名",
            "社保业务信息/统一社会信用代码",
            "社保业务信息/单位名称");

    /** Parses and verifies; throws when the XML cannot be read at all (YJ-3-1). */
    static Parsed read(byte[] xml, long maxBytes, Set<String> trustedKeys) throws IOException {
        var doc = Xml.parse(xml, maxBytes);
        var root = doc.getDocumentElement();
        if (!"电子文件封装包".equals(root.getLocalName()) || !Xml.NS.equals(root.getNamespaceURI())) {
            throw new IOException("root element is not 电子文件封装包 in " + Xml.NS);
        }
        var signed = Xml.child(root, "被签名对象");
        var content = Xml.child(signed, "封装内容");
        var entity = Xml.child(Xml.child(content, "文件实体块"), "文件实体");
        var fields = new LinkedHashMap<String, @Nullable String>();
        for (String f : FIELDS) {
            fields.put(f, Xml.text(entity, f));
        }
        var missing = new ArrayList<String>();
        for (String f : Eep.REQUIRED) {
            String v = fields.get(f);
            if (v == null || v.isBlank()) {
                missing.add(f);
            }
        }
        if (Xml.child(content, "业务实体块") == null) {
            missing.add("业务实体块");
        }
        if (Xml.child(content, "机构人员实体块") == null) {
            missing.add("机构人员实体块");
        }
        if (!"2009".equals(Xml.text(root, "版本"))) {
            missing.add("版本");
        }
        var docs = new ArrayList<Doc>();
        var fileData = Xml.child(entity, "文件数据");
        for (Element d : Xml.children(fileData, "文档")) {
            docs.add(doc(d));
        }
        if (docs.isEmpty()) {
            missing.add("文件数据/文档");
        }
        String code = fields.get("社保业务信息/原档号");
        return new Parsed(
                code == null ? "" : code,
                fields,
                docs,
                missing,
                PackageSignature.problem(
                        Xml.child(Xml.child(root, "电子签名块"), "电子签名"),
                        xml,
                        Eep.SIGNED_START,
                        Eep.SIGNED_END,
                        trustedKeys,
                        "电子签名"),
                PackageSignature.problem(
                        Xml.child(root, "锁定签名"), xml, Eep.SIGNED_START, Eep.BLOCK_END, trustedKeys, "锁定签名"));
    }

    private static Doc doc(Element d) {
        var coding = Xml.child(Xml.child(d, "文档数据"), "编码");
        String problem = null;
        int seq = 0;
        long size = -1;
        try {
            seq = Integer.parseInt(String.valueOf(Xml.text(d, "文档序号")));
            size = Long.parseLong(String.valueOf(Xml.text(coding, "电子属性/计算机文件大小")));
        } catch (NumberFormatException e) {
            problem = "文档序号或计算机文件大小不是数字";
        }
        String sm3 = "";
        String sha256 = "";
        for (Element dg : Xml.children(coding, "数字摘要")) {
            String alg = dg.getAttribute("算法");
            if (alg.equals("SM3")) {
                sm3 = dg.getTextContent().strip();
            } else if (alg.equals("SHA-256")) {
                sha256 = dg.getTextContent().strip();
            }
        }
        byte[] inline = null;
        String data = Xml.text(coding, "编码数据");
        String path = Xml.text(coding, "文件路径");
        if (data != null) {
            if (!"base64".equalsIgnoreCase(String.valueOf(Xml.text(coding, "反编码关键字")))) {
                problem = "反编码关键字不是 base64";
            } else {
                try {
                    inline = Base64.getMimeDecoder().decode(data);
                } catch (IllegalArgumentException e) {
                    problem = "编码数据不是有效的 Base64";
                }
            }
        } else if (path == null) {
            problem = "既无编码数据也无文件路径";
        }
        String material = Xml.text(d, "材料代码");
        String name = Xml.text(coding, "电子属性/计算机文件名");
        return new Doc(
                seq,
                material == null ? "" : material,
                name == null ? "" : name,
                size,
                sm3,
                sha256,
                inline,
                path,
                problem);
    }
}
