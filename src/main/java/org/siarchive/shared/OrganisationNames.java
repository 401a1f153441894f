package org.siarchive.shared;

import java.util.Optional;

/**
 * The name people read for an organisation code (the actor's {@code org}), for headings of printed
 * registers. Implemented by the organisation module; the shared kernel only asks.
 */
public interface OrganisationNames {

    Optional<String> nameOfCode(String code);
}
