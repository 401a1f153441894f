/**
 * The one XML door (docs/adr/0030): every XML the platform parses, and every library entry point that
 * parses XML for us (ofdrw for OFD, POI for XLSX), goes through this package. Nothing here fetches a DTD,
 * resolves an external entity, expands a declared entity or follows an XInclude: a document with a
 * DOCTYPE is refused, not repaired. {@code XmlDoorTest} fails the build when a parser is made elsewhere.
 */
@NullMarked
@NamedInterface("xml")
package org.siarchive.shared.xml;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
