package org.siarchive.capture;

import java.util.ArrayList;
import java.util.List;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.catalog.ItemSidecar;
import org.siarchive.preservation.Preservation;
import org.siarchive.preservation.StagedFile;
import org.siarchive.preservation.StoredFile;
import org.siarchive.shared.Actor;
import org.springframework.stereotype.Component;

/** Writes a registered item's object version: its staged files under the names the catalogue gave them. */
@Component
class ObjectVersions {

    private final Preservation preservation;
    private final ItemSidecar sidecar;

    ObjectVersions(Preservation preservation, ItemSidecar sidecar) {
        this.preservation = preservation;
        this.sidecar = sidecar;
    }

    /** Stores the staged files under the names the catalogue registered (档号 + file number); durable on return. */
    int write(ItemRecord item, List<StagedFile> staged, Actor actor) {
        var files = new ArrayList<StoredFile>();
        for (int i = 0; i < staged.size(); i++) {
            // the staged digest goes with it: the store links the staged file instead of copying and re-hashing it
            files.add(new StoredFile(
                    item.files().get(i).logicalPath(),
                    staged.get(i).path(),
                    staged.get(i).fixity().sha256()));
        }
        return preservation.writeVersion(
                item.objectId(), files, sidecar.write(item), "capture " + item.archiveCode(), actor.name());
    }
}
