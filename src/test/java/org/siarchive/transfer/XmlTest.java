package org.siarchive.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.siarchive.support.HostileXml;

/** The EEP (DA/T 48) reader parses received packages through the door. */
class XmlTest {

    @Test
    void refusesAnEepWithExternalEntitiesWithoutNetworkOrFileAccess() {
        try (var attacker = new HostileXml()) {
            byte[] eep = attacker.plant("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<电子文件封装包 xmlns=\"" + Xml.NS
                            + "\"><封装包格式描述>x</封装包格式描述></电子文件封装包>")
                    .getBytes(StandardCharsets.UTF_8);

            assertThatThrownBy(() -> Xml.parse(eep, 1 << 20))
                    .isInstanceOf(IOException.class)
                    .hasMessageNotContaining(attacker.marker());
            assertThat(attacker.hits()).isZero();
        }
    }

    @Test
    void parsesAPlainEep() throws Exception {
        byte[] eep =
                ("<电子文件封装包 xmlns=\"" + Xml.NS + "\"><封装包格式描述>x</封装包格式描述></电子文件封装包>").getBytes(StandardCharsets.UTF_8);

        assertThat(Xml.text(Xml.parse(eep, 1 << 20).getDocumentElement(), "封装包格式描述"))
                .isEqualTo("x");
    }
}
