package org.siarchive.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Installation aid: with {@code siarchive.security.initial-token-file} set and no such file yet, the
 * start-up issues one API token (client {@code initial}, every business permission, the root's whole
 * subtree, 30 days) and writes it to that file, readable by the owner only, for the first business
 * system to be connected (and for tests that drive a platform from outside). Issuing is audited; the
 * security administrator can revoke it like any other token. Unset, nothing happens.
 */
@Component
class InitialToken implements SmartInitializingSingleton {

    private final ApiTokens tokens;
    private final Organisations organisations;
    private final String file;

    InitialToken(
            ApiTokens tokens,
            Organisations organisations,
            @Value("${siarchive.security.initial-token-file:}") String file) {
        this.tokens = tokens;
        this.organisations = organisations;
        this.file = file;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (file.isBlank()) {
            return;
        }
        Path path = Path.of(file);
        if (Files.exists(path)) {
            return;
        }
        var issued = tokens.issue("initial", organisations.root().id(), Role.tokenScopes(), 3, null, 30, Actor.SYSTEM);
        try {
            Files.createDirectories(path.toAbsolutePath().getParent());
            Files.writeString(path, issued.token(), StandardOpenOption.CREATE_NEW, StandardOpenOption.SYNC);
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the initial token to " + path, e);
        }
    }
}
