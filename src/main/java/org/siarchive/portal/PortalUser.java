package org.siarchive.portal;

import java.io.Serializable;
import java.util.Set;

/**
 * Who is signed in to the online service: an insured person or an employer's agent. Read afresh from the
 * account on each request (its session row names the account), so a binding approved or revoked, or an
 * account disabled, counts at once. Never a staff {@code Principal}: no staff permission can reach it.
 *
 * @param accountId the portal account
 * @param kind a person or an employer's agent
 * @param displayName the real name, as the identity provider or the registration gave it
 * @param creditCodes the 统一社会信用代码 this account is bound to by staff approval (employers; empty for persons)
 */
public record PortalUser(long accountId, Kind kind, String displayName, Set<String> creditCodes)
        implements Serializable, java.security.Principal {

    public PortalUser {
        creditCodes = Set.copyOf(creditCodes);
    }

    /** An insured person (参保人) or an employer's agent (单位经办人). */
    public enum Kind {
        PERSON,
        EMPLOYER
    }

    public boolean person() {
        return kind == Kind.PERSON;
    }

    /** Whether staff approved this account for the employer with {@code creditCode}. */
    public boolean boundTo(String creditCode) {
        return creditCodes.contains(creditCode);
    }

    @Override
    public String getName() {
        return "portal:" + accountId;
    }

    @Override
    public String toString() {
        return getName();
    }
}
