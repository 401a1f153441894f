package org.siarchive.security;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.siarchive.catalog.AccountNames;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The {@link AccountNames} port: an account's display name by its login, many at once in one query. Pages
 * reach it as {@code @people.name(login)}; within one request each login is looked up once, so a list of
 * fifty loans by three applicants costs three look-ups, not fifty.
 */
@Component("people")
class AccountDisplayNames implements AccountNames {

    private static final String MEMO = AccountDisplayNames.class.getName() + ".memo";

    private final JdbcClient jdbc;

    AccountDisplayNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> displayName(String login) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        var memo = memo();
        if (memo.containsKey(login)) {
            return Optional.ofNullable(memo.get(login));
        }
        var found = jdbc.sql("select display_name from account where username = :u")
                .param("u", login)
                .query(String.class)
                .optional();
        memo.put(login, found.orElse(null));
        return found;
    }

    @Override
    public Map<String, String> displayNames(Collection<String> logins) {
        var wanted = logins.stream().filter(Objects::nonNull).distinct().toList();
        var found = new HashMap<String, String>();
        if (!wanted.isEmpty()) {
            jdbc.sql("select username, display_name from account where username = any(:u)")
                    .param("u", wanted.toArray(String[]::new))
                    .query((rs, n) -> List.of(rs.getString(1), rs.getString(2)))
                    .list()
                    .forEach(r -> found.put(r.get(0), r.get(1)));
        }
        var out = new LinkedHashMap<String, String>();
        wanted.forEach(l -> out.put(l, found.getOrDefault(l, l)));
        return out;
    }

    /** For pages: the display name of a login, the login itself when no account has it, "" for none. */
    public String name(String login) {
        return nameOf(login);
    }

    /** Looks up made while serving one request; none outside a request (jobs, registers built in bulk). */
    @SuppressWarnings("unchecked")
    private static Map<String, String> memo() {
        var attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null) {
            return new HashMap<>();
        }
        var memo = (Map<String, String>) attributes.getAttribute(MEMO, RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new HashMap<>();
            attributes.setAttribute(MEMO, memo, RequestAttributes.SCOPE_REQUEST);
        }
        return memo;
    }
}
