package org.siarchive.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
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
@Tag(name = "档案目录")
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

    @Operation(
            operationId = "fileIntoVolume",
            summary = "组卷",
            description =
                    "把同一全宗、年度、保管期限的件组成卷（title 为卷题名，items 为件的标识），卷获得自己的档号；答 201 与卷的地址（Location）。件尚未完成保存或已在别的卷中答 409。 Files items into a new volume.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:container:manage"))
    @ApiResponse(responseCode = "201", description = "新建的卷")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/volumes")
    ResponseEntity<Containers.Volume> volume(@RequestBody NewVolume body, Access access) {
        var v = containers.fileIntoVolume(body.title(), ids(body.items()), access);
        return ResponseEntity.created(URI.create("/api/v1/volumes/" + v.id())).body(v);
    }

    @Operation(
            operationId = "readVolume",
            summary = "读取卷及其件的档号",
            description = "卷的著录与其中调用方数据范围内的件的档号；读取留审计。 A volume with the archive codes of its items.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:item:read"))
    @ApiResponse(responseCode = "200", description = "卷")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @GetMapping("/volumes/{id}")
    Map<String, Object> volume(@PathVariable long id, Access access) {
        return containers.readVolume(id, access);
    }

    @Operation(
            operationId = "createBox",
            summary = "建盒",
            description = "在全宗（fondsCode）中建一个盒（boxNo）；答 201 与盒的地址。盒号已存在答 409。 Creates a box in a fonds.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:container:manage"))
    @ApiResponse(responseCode = "201", description = "新建的盒")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @PostMapping("/boxes")
    ResponseEntity<Containers.Box> box(@RequestBody NewBox body, Access access) {
        var b = containers.createBox(body.fondsCode(), body.boxNo(), access);
        return ResponseEntity.created(URI.create("/api/v1/boxes/" + b.id())).body(b);
    }

    @Operation(
            operationId = "putItemsIntoBox",
            summary = "装盒",
            description = "把件放入盒；已在别的盒中的件移入本盒，移动留审计。件须与盒同属一个全宗。答盒及盒中件的档号。 Puts items into a box.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:container:manage"))
    @ApiResponse(responseCode = "200", description = "盒及其中件的档号")
    @ApiResponse(responseCode = "404", ref = "NotFound")
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
