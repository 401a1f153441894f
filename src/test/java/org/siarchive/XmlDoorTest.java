package org.siarchive;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.siarchive.support.ProductionClasses;
import org.siarchive.xmlfixture.RawXmlParsing;

/**
 * One XML door (docs/adr/0030): no class outside {@code org.siarchive.shared.xml} makes an XML parser or
 * calls a library entry point that parses XML for us; those go through the door's hardened factory and
 * wrappers. A new parser elsewhere fails the build.
 */
class XmlDoorTest {

    static final String DOOR = "org.siarchive.shared.xml..";

    /** Owner → methods (or "<init>" for constructors, "*" for any) that make a parser or parse XML. */
    private static final Map<String, Set<String>> ENTRY_POINTS = Map.ofEntries(
            Map.entry("javax.xml.parsers.DocumentBuilderFactory", Set.of("*")),
            Map.entry("javax.xml.parsers.SAXParserFactory", Set.of("*")),
            Map.entry("javax.xml.stream.XMLInputFactory", Set.of("*")),
            Map.entry("javax.xml.transform.TransformerFactory", Set.of("*")),
            Map.entry("javax.xml.validation.SchemaFactory", Set.of("*")),
            Map.entry("javax.xml.xpath.XPathFactory", Set.of("*")),
            Map.entry("org.xml.sax.helpers.XMLReaderFactory", Set.of("*")),
            Map.entry("org.dom4j.io.SAXReader", Set.of("<init>", "createDefault")),
            Map.entry("org.dom4j.DocumentHelper", Set.of("parseText")),
            Map.entry("org.ofdrw.reader.OFDReader", Set.of("<init>")),
            Map.entry("org.ofdrw.pkg.tool.SAXReaderFactory", Set.of("*")),
            Map.entry("org.ofdrw.pkg.tool.ElemCup", Set.of("inject")),
            Map.entry("org.apache.poi.ss.usermodel.WorkbookFactory", Set.of("*")),
            Map.entry("org.apache.poi.openxml4j.opc.OPCPackage", Set.of("open")),
            Map.entry("org.apache.poi.xwpf.usermodel.XWPFDocument", Set.of("<init>(*)")),
            Map.entry("org.apache.poi.xslf.usermodel.XMLSlideShow", Set.of("<init>(*)")),
            Map.entry("org.apache.poi.xssf.usermodel.XSSFWorkbook", Set.of("<init>(*)")),
            Map.entry("org.apache.poi.xssf.eventusermodel.XSSFReader", Set.of("<init>")),
            Map.entry("org.apache.xmpbox.xml.DomXmpParser", Set.of("<init>")),
            Map.entry("org.apache.pdfbox.Loader", Set.of("loadXFDF")),
            Map.entry("org.apache.tika.Tika", Set.of("parse", "parseToString")),
            Map.entry("com.fasterxml.jackson.dataformat.xml.XmlMapper", Set.of("<init>", "builder")),
            Map.entry("tools.jackson.dataformat.xml.XmlMapper", Set.of("<init>", "builder")));

    static final DescribedPredicate<JavaAccess<?>> MAKES_OR_USES_AN_XML_PARSER =
            new DescribedPredicate<>("make an XML parser or parse XML through a library outside the door") {
                @Override
                public boolean test(JavaAccess<?> access) {
                    var target = access.getTarget();
                    var methods = ENTRY_POINTS.get(target.getOwner().getName());
                    if (methods == null) {
                        return false;
                    }
                    String name = target.getName();
                    boolean withArguments = target instanceof AccessTarget.CodeUnitCallTarget call
                            && !call.getRawParameterTypes().isEmpty();
                    return methods.contains("*")
                            || methods.contains(name)
                            || (methods.contains(name + "(*)") && withArguments);
                }
            };

    static final ArchRule ONE_XML_DOOR = noClasses()
            .that()
            .resideOutsideOfPackage(DOOR)
            .should()
            .accessTargetWhere(MAKES_OR_USES_AN_XML_PARSER)
            .because("every XML parse goes through org.siarchive.shared.xml (docs/adr/0030)");

    @Test
    void everyXmlParseGoesThroughTheDoor() {
        ONE_XML_DOOR.check(ProductionClasses.get());
    }

    @Test
    void theRuleReportsAParserMadeOutsideTheDoor() {
        // given a class (test fixture) that makes parsers the way the door forbids
        var fixture = new ClassFileImporter().importClasses(RawXmlParsing.class);

        // when the rule is evaluated, then each forbidden construction is reported
        var result = ONE_XML_DOOR.evaluate(fixture);

        assertThat(result.hasViolation()).isTrue();
        assertThat(result.getFailureReport().getDetails())
                .anyMatch(d -> d.contains("DocumentBuilderFactory.newInstance()"))
                .anyMatch(d -> d.contains("SAXReader.<init>()"))
                .anyMatch(d -> d.contains("OFDReader.<init>"))
                .anyMatch(d -> d.contains("XSSFWorkbook.<init>(java.io.InputStream)"))
                .noneMatch(d -> d.contains("XSSFWorkbook.<init>()"));
    }
}
