package org.siarchive.xmlfixture;

import java.io.InputStream;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.dom4j.io.SAXReader;
import org.ofdrw.reader.OFDReader;

/**
 * A fixture for {@code XmlDoorTest}: code that parses XML the forbidden way, so the test can show the
 * rule reports it. Never called.
 */
public final class RawXmlParsing {

    private RawXmlParsing() {}

    static Object[] parsers(InputStream in, Path ofd) throws Exception {
        return new Object[] {
            DocumentBuilderFactory.newInstance(),
            new SAXReader(),
            new OFDReader(ofd),
            new XSSFWorkbook(in),
            new XSSFWorkbook() // writing a new workbook parses nothing: allowed
        };
    }
}
