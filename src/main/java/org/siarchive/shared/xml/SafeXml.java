package org.siarchive.shared.xml;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import org.w3c.dom.Document;
import org.xml.sax.EntityResolver;
import org.xml.sax.ErrorHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * The hardened XML parser factory, the only place in the platform where a JAXP parser is made (OWASP XXE
 * prevention): DOCTYPE declarations are fatal errors (so no DTD, no internal or external entity, no entity
 * expansion), external general and parameter entities and external DTD loading are off, no protocol may
 * be used for an external DTD or schema, XInclude is off, secure processing (JDK entity expansion and size
 * limits) is on, and an entity resolver refuses anything that still asks.
 */
public final class SafeXml {

    private static final String DISALLOW_DOCTYPE = "http://apache.org/xml/features/disallow-doctype-decl";
    private static final String EXTERNAL_GENERAL = "http://xml.org/sax/features/external-general-entities";
    private static final String EXTERNAL_PARAMETER = "http://xml.org/sax/features/external-parameter-entities";
    private static final String LOAD_EXTERNAL_DTD = "http://apache.org/xml/features/nonvalidating/load-external-dtd";

    private SafeXml() {}

    /** Parses a namespace-aware DOM; refuses a DOCTYPE, malformed XML and more than {@code maxBytes}. */
    public static Document parse(byte[] bytes, long maxBytes) throws RefusedXmlException {
        if (bytes.length > maxBytes) {
            throw new RefusedXmlException(RefusedXmlException.Reason.TOO_LARGE, "超过 " + maxBytes + " 字节");
        }
        try {
            return documentBuilder().parse(new ByteArrayInputStream(bytes));
        } catch (SAXException e) {
            throw refusal(e, bytes);
        } catch (IOException e) {
            throw new RefusedXmlException(RefusedXmlException.Reason.MALFORMED, "无法读取", e);
        }
    }

    /** Parses a namespace-aware DOM from a stream, reading at most {@code maxBytes}. */
    public static Document parse(InputStream in, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        return parse(bytes, maxBytes);
    }

    /** Reads the document through to its end without keeping it: well-formed and free of any DOCTYPE. */
    public static void check(byte[] bytes) throws RefusedXmlException {
        try {
            var reader = xmlReader();
            reader.setContentHandler(new DefaultHandler());
            reader.parse(new InputSource(new ByteArrayInputStream(bytes)));
        } catch (SAXException e) {
            throw refusal(e, bytes);
        } catch (IOException e) {
            throw new RefusedXmlException(RefusedXmlException.Reason.MALFORMED, "无法读取", e);
        }
    }

    /** A hardened, namespace-aware DOM builder; parse errors are thrown, never printed. */
    public static DocumentBuilder documentBuilder() {
        try {
            // the JDK's own parser, named directly: newInstance() searches the whole class path for a provider on
            // every call, which cost a preservation copy more than its XML work (docs/adr/0109)
            var f = DocumentBuilderFactory.newDefaultInstance();
            f.setNamespaceAware(true);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(DISALLOW_DOCTYPE, true);
            f.setFeature(EXTERNAL_GENERAL, false);
            f.setFeature(EXTERNAL_PARAMETER, false);
            f.setFeature(LOAD_EXTERNAL_DTD, false);
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            f.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            f.setXIncludeAware(false);
            f.setExpandEntityReferences(false);
            var builder = f.newDocumentBuilder();
            builder.setErrorHandler(THROWING);
            builder.setEntityResolver(REFUSING);
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    /** A hardened, namespace-aware SAX reader (for libraries such as dom4j that want one). */
    public static XMLReader xmlReader() {
        try {
            var f = SAXParserFactory.newDefaultInstance(); // the JDK's own, without a class path search
            f.setNamespaceAware(true);
            f.setValidating(false);
            f.setXIncludeAware(false);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setFeature(DISALLOW_DOCTYPE, true);
            f.setFeature(EXTERNAL_GENERAL, false);
            f.setFeature(EXTERNAL_PARAMETER, false);
            f.setFeature(LOAD_EXTERNAL_DTD, false);
            var parser = f.newSAXParser();
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            parser.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            var reader = parser.getXMLReader();
            reader.setErrorHandler(THROWING);
            reader.setEntityResolver(REFUSING);
            return reader;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IllegalStateException("the XML parser cannot be hardened", e);
        }
    }

    /** The last line of defence: were a DTD or entity ever asked for, the parse fails instead. */
    static final EntityResolver REFUSING = (publicId, systemId) -> {
        throw new SAXException("external resources are not allowed");
    };

    private static final ErrorHandler THROWING = new ErrorHandler() {
        @Override
        public void warning(SAXParseException e) {
            // warnings do not change what is parsed
        }

        @Override
        public void error(SAXParseException e) throws SAXException {
            throw e;
        }

        @Override
        public void fatalError(SAXParseException e) throws SAXException {
            throw e;
        }
    };

    /** The parser's own message may quote the document: keep it as the cause only, for the log. */
    private static RefusedXmlException refusal(SAXException e, byte[] bytes) {
        return declaresDoctype(bytes)
                ? new RefusedXmlException(RefusedXmlException.Reason.DOCTYPE, "XML 外部实体防护", e)
                : new RefusedXmlException(RefusedXmlException.Reason.MALFORMED, "解析失败", e);
    }

    /** Whether the bytes hold "<!DOCTYPE" in a single-byte or UTF-16 encoding (the parser's message is localised). */
    static boolean declaresDoctype(byte[] bytes) {
        return Bytes.indexOf(bytes, DOCTYPE_8) >= 0
                || Bytes.indexOf(bytes, DOCTYPE_16BE) >= 0
                || Bytes.indexOf(bytes, DOCTYPE_16LE) >= 0;
    }

    private static final byte[] DOCTYPE_8 = "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final byte[] DOCTYPE_16BE = "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.UTF_16BE);
    private static final byte[] DOCTYPE_16LE = "<!DOCTYPE".getBytes(java.nio.charset.StandardCharsets.UTF_16LE);
}
