/**
 * Transfer and receipt (移交与接收): chosen items or volumes exported as DA/T 48 EEP packages (Chinese
 * element names, base64 content, SM3withSM2 signature and lock signature) or as folder packages
 * (manifest, metadata XML, content files, digests); packages imported after the YJ four-property checks,
 * with a handover register (移交接收登记表). XML is parsed with DTDs refused and sizes bounded.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(
        displayName = "Transfer and receipt",
        allowedDependencies = {
            "audit",
            "capture",
            "catalog",
            "checks",
            "crypto",
            "preservation",
            "quality",
            "shared",
            "shared :: xml"
        })
package org.siarchive.transfer;

import org.jspecify.annotations.NullMarked;
