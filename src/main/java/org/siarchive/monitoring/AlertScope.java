package org.siarchive.monitoring;

import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Access;
import org.siarchive.shared.Scope;
import org.springframework.stereotype.Component;

/**
 * Which alerts a reader sees (docs/adr/0095): the administrators (三员) hold no business data scope
 * ({@link Scope#NOTHING}), so for them the scope is the subtree of their own unit — the built-in security
 * administrator and auditor sit at the root and see every alert; an administrator of a county sees that county's.
 * A caller with a business scope (none holds monitoring:alert today) would see its scope's subtree.
 */
@Component
class AlertScope {

    private final Organisations organisations;

    AlertScope(Organisations organisations) {
        this.organisations = organisations;
    }

    /** The pattern for {@code org_path like :scope}. */
    String pattern(Access access) {
        if (!access.scope().equals(Scope.NOTHING)) {
            return access.scope().orgPattern();
        }
        String code = access.actor().org();
        if (code == null) {
            return Scope.NOTHING.orgPattern();
        }
        return organisations.byCode(code).map(o -> o.path() + "%").orElse(Scope.NOTHING.orgPattern());
    }
}
