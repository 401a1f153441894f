package org.siarchive.catalog;

import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;
import static org.siarchive.shared.AccessRules.put;

import java.util.List;
import org.siarchive.shared.AccessRules;
import org.springframework.stereotype.Component;

/**
 * Who may use the catalog's pages and API: items, their files and corrections, persons and employers
 * (unmasking apart), containers and the reference data (docs/adr/0041).
 */
@Component
class CatalogAccessRules implements AccessRules {

    static final String ITEM_READ = "catalog:item:read";
    static final String FILE_READ = "catalog:file:read";
    static final String ITEM_CORRECT = "catalog:item:correct";
    static final String PARTY_READ = "catalog:party:read";
    static final String CONTAINER_MANAGE = "catalog:container:manage";
    static final String REFERENCE_READ = "reference:read";
    static final String REFERENCE_MANAGE = "reference:manage";
    static final String UNMASK = "personal:unmask";

    @Override
    public List<Rule> rules() {
        return List.of(
                // console
                get("/items/*").requires(ITEM_READ),
                get("/items/*/correction").requires(ITEM_CORRECT),
                post("/items/*/correction").requires(ITEM_CORRECT),
                get("/volumes", "/volumes/*", "/volumes/*/note-sheet.pdf", "/boxes", "/boxes/*", "/boxes/*/labels.pdf")
                        .requires(ITEM_READ),
                post("/volumes", "/volumes/*/note", "/volumes/*/box", "/boxes", "/boxes/*/items")
                        .requires(CONTAINER_MANAGE),
                post("/persons/*/unmask").requires(UNMASK),
                get("/persons", "/persons/*", "/employers", "/employers/*").requires(PARTY_READ),
                get("/persons/*/export", "/employers/*/export").requires(PARTY_READ),
                post("/persons", "/employers").requires(PARTY_READ),
                // API
                get("/api/v1/items/*/related").requires(ITEM_READ),
                get("/api/v1/items/*/files/*", "/api/v1/items/*/access.pdf").requires(FILE_READ),
                post("/api/v1/items/*/corrections").requires(ITEM_CORRECT),
                get("/api/v1/items/by-archive-code", "/api/v1/items/*").requires(ITEM_READ),
                post("/api/v1/persons/*/unmask").requires(UNMASK),
                post("/api/v1/persons/lookup").requires(PARTY_READ),
                get("/api/v1/employers/*/items").requires(PARTY_READ),
                get("/api/v1/classification", "/api/v1/reference/**").requires(REFERENCE_READ),
                put("/api/v1/reference/**").requires(REFERENCE_MANAGE),
                post("/api/v1/volumes", "/api/v1/boxes", "/api/v1/boxes/*/items")
                        .requires(CONTAINER_MANAGE),
                get("/api/v1/volumes/*").requires(ITEM_READ));
    }
}
