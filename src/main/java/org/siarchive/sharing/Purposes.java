package org.siarchive.sharing;

import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The purposes a verification may state (reference data in {@code sharing_purpose}) and the basis each needs. */
@Component
public class Purposes {

    /** LEGAL needs a legal-basis reference with the request, CONSENT the person's consent reference. */
    public record Purpose(String code, String name, String basis, boolean verified) {

        public boolean needsConsent() {
            return "CONSENT".equals(basis);
        }

        public String labelKey() {
            return "sharing.purpose." + code;
        }
    }

    private final JdbcClient jdbc;

    Purposes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Purpose> all() {
        return jdbc.sql("select code, name, basis, verified from sharing_purpose order by sort_order, code")
                .query(Purpose.class)
                .list();
    }

    public Optional<Purpose> find(String code) {
        return jdbc.sql("select code, name, basis, verified from sharing_purpose where code = :c")
                .param("c", code)
                .query(Purpose.class)
                .optional();
    }
}
