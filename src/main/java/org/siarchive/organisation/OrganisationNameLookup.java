package org.siarchive.organisation;

import java.util.Optional;
import org.siarchive.shared.OrganisationNames;
import org.springframework.stereotype.Component;

/** Names for organisation codes, for the shared kernel's printed registers. */
@Component
class OrganisationNameLookup implements OrganisationNames {

    private final Organisations organisations;

    OrganisationNameLookup(Organisations organisations) {
        this.organisations = organisations;
    }

    @Override
    public Optional<String> nameOfCode(String code) {
        return organisations.byCode(code).map(OrgUnit::name);
    }
}
