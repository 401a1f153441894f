package org.siarchive.catalog;

import java.util.Optional;

/**
 * The catalogue's port for the name a person goes by (显示名): 经办人 is recorded as the name people read,
 * not the login. Implemented by security, which owns the accounts; the catalogue never reads them.
 */
public interface AccountNames {

    /** The display name of the account with this login, if there is one. */
    Optional<String> displayName(String login);
}
