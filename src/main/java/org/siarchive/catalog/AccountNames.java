package org.siarchive.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The port for the name a person goes by (显示名): wherever a person reads who did something (经办人, 申请人,
 * 审批人, 检测人, 出具人, 发起), they read this name, not the login. Implemented by security, which owns the
 * accounts; the other modules never read them.
 */
public interface AccountNames {

    /** The display name of the account with this login, if there is one. */
    Optional<String> displayName(String login);

    /**
     * The display names of these logins in one look-up (a list or a register names many people): every
     * login maps to its account's display name, or to itself when no account has it (the platform's own
     * actors, accounts since removed).
     */
    default Map<String, String> displayNames(Collection<String> logins) {
        var out = new LinkedHashMap<String, String>();
        for (String login : logins) {
            if (login != null) {
                out.computeIfAbsent(login, l -> displayName(l).orElse(l));
            }
        }
        return out;
    }

    /** The display name of this login, or the login itself when no account has it. */
    default String nameOf(String login) {
        return login == null ? "" : displayName(login).orElse(login);
    }
}
