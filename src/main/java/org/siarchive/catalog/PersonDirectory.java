package org.siarchive.catalog;

import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who a catalog person is, for modules that hold an ID number of their own (e.g. a comparison warning) and
 * need the person's file (一人一档) or the name the archive files under: found by the ID number's blind index,
 * no scope applied — the person page that the id leads to applies the reader's scope itself.
 */
@Component
public class PersonDirectory {

    private final PartyQueries queries;

    PersonDirectory(PartyQueries queries) {
        this.queries = queries;
    }

    /** The catalog person with this ID number, if the archive knows them. */
    public Optional<Long> idOf(String certNo) {
        return queries.personId(certNo);
    }

    /** The name the archive holds for the person (filing new items about them under the same name). */
    public Optional<String> nameOf(long personId) {
        return queries.person(personId).map(PartyQueries.PersonRow::name);
    }
}
