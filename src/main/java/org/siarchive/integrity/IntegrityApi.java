package org.siarchive.integrity;

import java.util.List;
import org.siarchive.catalog.Ids;
import org.siarchive.shared.Access;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** An item's preservation events (PREMIS-like) for other systems. */
@RestController
class IntegrityApi {

    private final PreservationEvents events;

    IntegrityApi(PreservationEvents events) {
        this.events = events;
    }

    @GetMapping("/api/v1/items/{id}/preservation-events")
    List<PreservationEvents.Event> events(@PathVariable String id, Access access) {
        return events.forItem(Ids.uuid("ITEM", id), access);
    }
}
