package org.siarchive.continuation;

import org.siarchive.support.SecondInstallation;

/** A second SIArchive in this JVM — agency B, another region, with its own region, agency name and fonds. */
final class AgencyB {

    static final String REGION = "320500";
    static final String AGENCY = "苏州市社会保险基金管理中心";

    /** B's 全宗号, unlike A's default 0001. */
    static final String FONDS = "3205";

    private AgencyB() {}

    static SecondInstallation start() {
        return SecondInstallation.start(
                "agency-b",
                "--siarchive.capture.max-file-size=5MB",
                "--siarchive.organisation.root-code=SZ",
                "--siarchive.organisation.root-name=" + AGENCY,
                "--siarchive.fonds.agency=" + AGENCY,
                // another agency has a fonds of its own: its 档号 never collide with A's
                "--siarchive.fonds.code=" + FONDS,
                "--siarchive.continuation.region-code=" + REGION,
                "--siarchive.continuation.agency=" + AGENCY);
    }
}
