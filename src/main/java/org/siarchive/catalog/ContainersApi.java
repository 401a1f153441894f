package org.siarchive.catalog;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.siarchive.shared.Access;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Volumes (卷) and boxes (盒): create, file items in, list contents. */
@RestController
@RequestMapping("/api/v1")
class ContainersApi {

    private final Containers containers;

    ContainersApi(Containers containers) {
        this.containers = containers;
    }

    record NewVolume(String title, List<String> items) {}

    record NewBox(String fondsCode, String boxNo) {}

    record ItemList(List<String> items) {}

    @PostMapping("/volumes")
    ResponseEntity<Containers.Volume> volume(@RequestBody NewVolume body, Access access) {
        var v = containers.fileIntoVolume(body.title(), ids(body.items()), access);
        return ResponseEntity.created(URI.create("/api/v1/volumes/" + v.id())).body(v);
    }

    @GetMapping("/volumes/{id}")
    Map<String, Object> volume(@PathVariable long id, Access access) {
        return containers.readVolume(id, access);
    }

    @PostMapping("/boxes")
    ResponseEntity<Containers.Box> box(@RequestBody NewBox body, Access access) {
        var b = containers.createBox(body.fondsCode(), body.boxNo(), access);
        return ResponseEntity.created(URI.create("/api/v1/boxes/" + b.id())).body(b);
    }

    @PostMapping("/boxes/{id}/items")
    Map<String, Object> putIntoBox(@PathVariable long id, @RequestBody ItemList body, Access access) {
        containers.putIntoBox(id, ids(body.items()), access);
        return Map.of(
                "box", containers.box(id, access.scope()), "items", containers.itemCodesInBox(id, access.scope()));
    }

    private static List<UUID> ids(List<String> raw) {
        if (raw == null) {
            return List.of();
        }
        var nulls = java.util.stream.IntStream.range(0, raw.size())
                .filter(i -> raw.get(i) == null)
                .mapToObj(i -> org.siarchive.shared.Violation.of("items[" + i + "]", "required"))
                .toList();
        if (!nulls.isEmpty()) {
            throw new org.siarchive.shared.InvalidInputException(nulls);
        }
        return raw.stream().map(s -> Ids.uuid("ITEM", s)).toList();
    }
}
