package org.siarchive.preservation;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.siarchive.platform.DataDirectory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The preservation store's API: stage uploads with their fixity, write object versions durably,
 * and read content back through fixity verification.
 */
@Component
public class Preservation implements DisposableBean {

    private final Staging staging;
    private final OcflStore store;

    Preservation(DataDirectory data, FormatIdentifier formats) {
        this.staging = new Staging(data.resolve("staging"), formats);
        this.store = new OcflStore(data.resolve("ocfl"), data.resolve("ocfl-work"));
    }

    /** Streams one upload into the staging area of {@code key}, hashing and identifying it. */
    public StagedFile stage(String key, int seq, InputStream in, long maxBytes) {
        return staging.stage(key, seq, in, maxBytes);
    }

    /** fsyncs everything staged under {@code key}; called before the catalogue row is committed. */
    public void syncStaging(String key) {
        staging.sync(key);
    }

    public List<Path> stagedFiles(String key) {
        return staging.files(key);
    }

    public List<String> stagingKeys() {
        return staging.keys();
    }

    public void discardStaging(String key) {
        staging.delete(key);
    }

    /** Writes a new object version (files + metadata sidecar) and returns its number once durable. */
    public int writeVersion(String objectId, List<StoredFile> files, byte[] sidecar, String message, String user) {
        var map = new LinkedHashMap<String, Path>();
        files.forEach(f -> map.put(f.logicalPath(), f.source()));
        return store.write(objectId, map, sidecar, message, user);
    }

    /** Opens stored content; reading it to the end verifies size, SM3 and SHA-256 against {@code expected}. */
    public InputStream read(String objectId, String logicalPath, Fixity expected) {
        return new VerifyingInputStream(store.open(objectId, logicalPath), expected, objectId, logicalPath);
    }

    /** Reads and hashes a stored file completely. */
    public Fixity fixityOf(String objectId, String logicalPath) {
        try (var in = store.open(objectId, logicalPath)) {
            var d = new Digester();
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) >= 0) {
                d.update(buf, 0, n);
            }
            return d.finish();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** OCFL validation errors of the object (empty when valid), content re-hashed against its inventory. */
    public List<String> validate(String objectId) {
        return store.validate(objectId, true);
    }

    /** Structure and inventory only, without re-hashing content (for callers that hash it themselves). */
    public List<String> validateStructure(String objectId) {
        return store.validate(objectId, false);
    }

    public java.nio.file.Path storagePath(String objectId, String logicalPath) {
        return store.storagePath(objectId, logicalPath);
    }

    /** The sidecar's logical path inside every object. */
    public static String sidecarPath() {
        return OcflStore.SIDECAR;
    }

    public byte[] readSidecar(String objectId) {
        return store.readSidecar(objectId);
    }

    public Optional<Integer> headVersion(String objectId) {
        return store.headVersion(objectId);
    }

    public List<String> logicalPaths(String objectId) {
        return store.logicalPaths(objectId);
    }

    public Stream<String> objectIds() {
        return store.objectIds();
    }

    public void discardIncompleteObject(String objectId) {
        store.discardIncomplete(objectId);
    }

    @Override
    public void destroy() {
        store.close();
    }
}
