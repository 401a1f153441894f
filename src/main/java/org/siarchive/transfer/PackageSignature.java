package org.siarchive.transfer;

import static org.siarchive.transfer.Xml.element;

import java.util.Arrays;
import java.util.Base64;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.siarchive.crypto.SigningKey;
import org.w3c.dom.Element;

/**
 * The signature elements of the packages (电子签名, 锁定签名, 移交说明签名): SM3withSM2 over an exact byte
 * range of the written XML, with the signer's public point in 证书块/证书; and their verification.
 */
final class PackageSignature {

    static final String ALGORITHM = "SM3withSM2";

    private PackageSignature() {}

    /** A signature element: its id element (if any), rule, time, signer, value, certificate, algorithm. */
    static String write(
            String name,
            @Nullable String idElement,
            String rule,
            String time,
            String signer,
            SigningKey key,
            byte[] covered) {
        return withValue(name, idElement, rule, time, signer, key, key.sign(covered));
    }

    /** The same element for a signature {@code value} already made by {@code key} (over a streamed range). */
    static String withValue(
            String name,
            @Nullable String idElement,
            String rule,
            String time,
            String signer,
            SigningKey key,
            byte[] value) {
        var s = new StringBuilder("<").append(name).append('>');
        if (idElement != null) {
            element(s, idElement, "1");
        }
        element(s, "签名规则", rule);
        element(s, "签名时间", time);
        element(s, "签名人", signer);
        element(s, "签名结果", Base64.getEncoder().encodeToString(value));
        s.append("<证书块>");
        element(s, "证书", Base64.getEncoder().encodeToString(key.publicPoint()));
        element(s, "证书引证", "SM2 公钥，标识 " + key.keyId());
        s.append("</证书块>");
        element(s, "签名算法标识", ALGORITHM);
        return s.append("</").append(name).append('>').toString();
    }

    /**
     * Verifies {@code sig} over the bytes of {@code xml} from {@code start} to the end of {@code end}
     * (inclusive); null when valid and by a trusted key, otherwise why not, in words for the report.
     */
    static @Nullable String problem(
            @Nullable Element sig, byte[] xml, byte[] start, byte[] end, Set<String> trusted, String what) {
        if (sig == null) {
            return "缺少" + what;
        }
        int from = Xml.indexOf(xml, start, 0);
        int to = Xml.indexOf(xml, end, Math.max(from, 0));
        if (from < 0 || to < 0) {
            return what + "找不到签名范围";
        }
        byte[] covered = Arrays.copyOfRange(xml, from, to + end.length);
        if (!ALGORITHM.equals(Xml.text(sig, "签名算法标识"))) {
            return what + "算法不是 " + ALGORITHM;
        }
        byte[] value;
        byte[] point;
        try {
            value = Base64.getDecoder().decode(String.valueOf(Xml.text(sig, "签名结果")));
            point = Base64.getDecoder().decode(String.valueOf(Xml.text(sig, "证书块/证书")));
        } catch (IllegalArgumentException e) {
            return what + "的签名结果或证书不是有效的 Base64";
        }
        String keyId = SigningKey.keyIdOf(point);
        if (!trusted.contains(keyId)) {
            return what + "的签名人公钥 " + keyId + " 不在信任列表中";
        }
        if (!SigningKey.verify(point, covered, value)) {
            return what + "验证失败：签名后内容被改动";
        }
        return null;
    }
}
