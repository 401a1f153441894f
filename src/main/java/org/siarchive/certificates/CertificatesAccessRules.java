package org.siarchive.certificates;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Who may issue certified copies (出证); verifying one is public, since whoever holds the paper copy
 * must be able to check it (docs/adr/0041).
 */
@Component
class CertificatesAccessRules implements AccessRules {

    static final String CERTIFY = "certificate:issue";

    @Override
    public List<Rule> rules() {
        return List.of(
                get("/certificates", "/certificates/*", "/certificates/*/file").requires(CERTIFY),
                post("/certificates").requires(CERTIFY),
                get("/verify", "/verify/*").permitAll(),
                post("/verify/*").permitAll());
    }
}
