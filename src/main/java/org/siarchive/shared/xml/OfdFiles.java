package org.siarchive.shared.xml;

import java.io.IOException;
import java.nio.file.Path;
import org.dom4j.io.SAXReader;
import org.ofdrw.pkg.tool.SAXReaderFactory;
import org.ofdrw.reader.OFDReader;

/**
 * The only way to open an OFD (GB/T 33190) for reading. Two locks: every XML part is pre-scanned by
 * {@link XmlContainers}, and ofdrw itself (which parses each part with dom4j when asked, also while
 * signing and validating) is given the hardened reader of {@link SafeXml} for all its parsing, so parts
 * the pre-scan could not tell from binary are still parsed safely.
 */
public final class OfdFiles {

    static {
        hardenOfdrw();
    }

    private OfdFiles() {}

    /** Opens an OFD after checking every XML part; a DOCTYPE anywhere refuses it. */
    public static OFDReader open(Path ofd) throws IOException {
        XmlContainers.inspect(ofd);
        return new OFDReader(ofd);
    }

    /** ofdrw keeps the first producer installed: fail loudly if that is not ours. */
    private static void hardenOfdrw() {
        SAXReaderFactory.SetCustomizedProducer(HardenedSaxReader::new);
        if (!(SAXReaderFactory.create() instanceof HardenedSaxReader)) {
            throw new IllegalStateException("ofdrw's XML reader is not the hardened one");
        }
    }

    /** dom4j over the door's SAX reader; the entity resolver is set again because dom4j may replace it. */
    static final class HardenedSaxReader extends SAXReader {
        HardenedSaxReader() {
            super(SafeXml.xmlReader());
            setEntityResolver(SafeXml.REFUSING);
        }
    }
}
