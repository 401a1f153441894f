package org.siarchive.preservation;

import java.nio.file.Path;

/** The replica contract on a second OCFL root on local disk. */
class DiskReplicaContractTest extends ReplicaContract {

    @Override
    OcflReplica open(Path tmp) {
        return OcflReplica.onDisk(tmp.resolve("replica"), tmp.resolve("work"));
    }
}
