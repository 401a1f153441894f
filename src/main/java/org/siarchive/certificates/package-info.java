/**
 * Certified copies (出证): a person's archive extract as a PDF with a CMS signature and as an OFD with a
 * GB/T 33190 signature, both SM3withSM2 under the platform's certificate key and both carrying a QR code of
 * their verification address; a public verification page that confirms a code, shows a masked summary, and
 * checks an uploaded file byte for byte and by its signature.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Certificates",
        allowedDependencies = {
            "audit",
            "catalog",
            "crypto",
            "lending",
            "organisation",
            "platform",
            "preservation",
            "shared",
            "shared :: xml"
        })
package org.siarchive.certificates;

import org.jspecify.annotations.NullMarked;
