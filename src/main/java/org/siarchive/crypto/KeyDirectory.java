package org.siarchive.crypto;

import java.nio.file.Path;

/** Where signing keys live (next to the master key file unless configured otherwise). */
public class KeyDirectory {

    private final Path dir;
    private final MasterKey master;

    KeyDirectory(Path dir, MasterKey master) {
        this.dir = dir;
        this.master = master;
    }

    public SigningKey signingKey(String name) {
        return SigningKey.loadOrCreate(dir, name, master);
    }

    public Path path() {
        return dir;
    }
}
