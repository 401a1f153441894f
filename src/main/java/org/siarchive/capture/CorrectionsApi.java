package org.siarchive.capture;

import org.jspecify.annotations.Nullable;
import org.siarchive.catalog.Catalog;
import org.siarchive.catalog.Ids;
import org.siarchive.catalog.ItemView;
import org.siarchive.shared.Access;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/items/{id}/corrections}: corrects an item's description; answers the corrected item. */
@RestController
@RequestMapping("/api/v1")
class CorrectionsApi {

    private final ItemCorrections corrections;

    CorrectionsApi(ItemCorrections corrections) {
        this.corrections = corrections;
    }

    record CorrectionRequest(String title, String responsible, @Nullable String docNo, String reason) {}

    @PostMapping("/items/{id}/corrections")
    ItemView correct(@PathVariable String id, @RequestBody CorrectionRequest body, Access access) {
        var correction = new Catalog.Correction(body.title(), body.responsible(), body.docNo(), body.reason());
        return ItemView.of(corrections.correct(Ids.uuid("ITEM", id), correction, access));
    }
}
