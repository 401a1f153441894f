package org.siarchive.search;

import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.Page;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/search}: metadata search with paging. */
@RestController
class SearchApi {

    private final Searches search;

    SearchApi(Searches search) {
        this.search = search;
    }

    @GetMapping("/api/v1/search")
    Page<SearchHit> search(
            @RequestParam(required = false) @Nullable String name,
            @RequestParam(required = false) @Nullable String idNumber,
            @RequestParam(required = false) @Nullable String archiveCode,
            @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable Integer year,
            @RequestParam(required = false) @Nullable String insuranceType,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") int size,
            Access access) {
        return search.search(
                new SearchQuery(name, idNumber, archiveCode, category, year, insuranceType, page, size), access);
    }
}
