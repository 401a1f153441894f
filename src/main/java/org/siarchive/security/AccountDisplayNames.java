package org.siarchive.security;

import java.util.Optional;
import org.siarchive.catalog.AccountNames;
import org.springframework.stereotype.Component;

/** The catalogue's {@link AccountNames} port: an account's display name by its login. */
@Component
class AccountDisplayNames implements AccountNames {

    private final Accounts accounts;

    AccountDisplayNames(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public Optional<String> displayName(String login) {
        return accounts.byUsername(login).map(Account::displayName);
    }
}
