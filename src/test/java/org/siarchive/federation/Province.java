package org.siarchive.federation;

import org.siarchive.support.SecondInstallation;

/**
 * A second SIArchive in this JVM playing the province: its own organisation root, and the county's transfer key
 * among its trusted signers — as an operator sets it in {@code siarchive.transfer.trusted-keys}.
 */
final class Province {

    private Province() {}

    static SecondInstallation start(String trustedCountyKey) {
        return SecondInstallation.start(
                "province",
                "--siarchive.organisation.root-code=SC",
                "--siarchive.organisation.root-name=省社会保险事业管理局",
                "--siarchive.transfer.trusted-keys=" + trustedCountyKey);
    }
}
