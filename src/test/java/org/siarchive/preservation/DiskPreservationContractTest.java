package org.siarchive.preservation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.siarchive.platform.DataDirectory;

/** The preservation contract on the default store: an OCFL root on local disk, with a disk replica. */
class DiskPreservationContractTest extends PreservationContract {

    @Override
    Preservation open(Path tmp) {
        var replica =
                new ReplicaSettings("disk", tmp.resolve("replica").toString(), null, null, null, null, null, null);
        return new Preservation(new DataDirectory(tmp.resolve("data")), new FormatIdentifier(), replica);
    }

    @Override
    void deleteStored(Preservation p, String path) throws IOException {
        Files.delete(p.store().root().localPath(path));
    }

    @Override
    boolean copiesFromTheStore() {
        return false;
    }
}
