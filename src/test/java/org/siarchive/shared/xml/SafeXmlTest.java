package org.siarchive.shared.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.siarchive.support.HostileXml;

/** The door itself: a DOCTYPE is refused before anything is fetched, read or expanded. */
class SafeXmlTest {

    @Test
    void refusesAnExternalEntityDocumentWithoutNetworkOrFileAccess() {
        try (var attacker = new HostileXml()) {
            // given a document with an external DTD on the attacker's server and an entity on a secret file
            byte[] hostile = attacker.document();

            // when it is parsed to a DOM, and checked by SAX, then both refuse it for its DOCTYPE
            assertThatThrownBy(() -> SafeXml.parse(hostile, 1 << 20))
                    .isInstanceOfSatisfying(RefusedXmlException.class, e -> assertThat(e.reason())
                            .isEqualTo(RefusedXmlException.Reason.DOCTYPE))
                    .hasMessageNotContaining(attacker.marker());
            assertThatThrownBy(() -> SafeXml.check(hostile))
                    .isInstanceOfSatisfying(RefusedXmlException.class, e -> assertThat(e.reason())
                            .isEqualTo(RefusedXmlException.Reason.DOCTYPE));
            assertThat(attacker.hits()).as("requests to the attacker's server").isZero();
        }
    }

    @Test
    void refusesAnEntityExpansionBomb() {
        // given "billion laughs": ten levels of ten entities each, no external resource at all
        var dtd = new StringBuilder("<!DOCTYPE r [<!ENTITY e0 \"lol\">");
        for (int i = 1; i <= 10; i++) {
            dtd.append("<!ENTITY e")
                    .append(i)
                    .append(" \"")
                    .append(("&e" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        byte[] bomb = (dtd + "]><r>&e10;</r>").getBytes(StandardCharsets.UTF_8);

        // then it is refused at once, not expanded
        assertThatThrownBy(() -> SafeXml.parse(bomb, 1 << 20))
                .isInstanceOfSatisfying(RefusedXmlException.class, e -> assertThat(e.reason())
                        .isEqualTo(RefusedXmlException.Reason.DOCTYPE));
    }

    @Test
    void leavesAnXIncludeUnresolved() throws Exception {
        try (var attacker = new HostileXml()) {
            // given a document that asks for an XInclude from the attacker's server (no DOCTYPE needed)
            byte[] include = ("<r xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"" + attacker.dtdUrl()
                            + "\" parse=\"text\"/></r>")
                    .getBytes(StandardCharsets.UTF_8);

            // when parsed, the include stays an element: nothing is fetched
            var doc = SafeXml.parse(include, 1 << 20);
            assertThat(doc.getDocumentElement().getTextContent()).isEmpty();
            assertThat(attacker.hits()).isZero();
        }
    }

    @Test
    void parsesAPlainDocumentAndBoundsItsSize() throws Exception {
        byte[] plain = "<?xml version=\"1.0\"?><r a=\"1\">档案</r>".getBytes(StandardCharsets.UTF_8);

        assertThat(SafeXml.parse(plain, 1 << 20).getDocumentElement().getTextContent())
                .isEqualTo("档案");
        assertThatThrownBy(() -> SafeXml.parse(plain, 8))
                .isInstanceOfSatisfying(RefusedXmlException.class, e -> assertThat(e.reason())
                        .isEqualTo(RefusedXmlException.Reason.TOO_LARGE));
        assertThatThrownBy(() -> SafeXml.check("<r><unclosed></r>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(RefusedXmlException.class, e -> assertThat(e.reason())
                        .isEqualTo(RefusedXmlException.Reason.MALFORMED));
    }
}
