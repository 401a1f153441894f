package org.siarchive.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.Access;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.Violation;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The location register (库房, 架, 层, 格) and placing boxes and volumes (上架). */
@Tag(name = "档案目录")
@RestController
@RequestMapping("/api/v1")
class LocationsApi {

    private final StorageLocations locations;

    LocationsApi(StorageLocations locations) {
        this.locations = locations;
    }

    record NewLocation(
            @Nullable String fondsCode,
            @Nullable String room,
            @Nullable String shelf,
            @Nullable String layer,
            @Nullable String cell,
            @Nullable String note) {}

    record Placing(@Nullable Long locationId) {}

    @Operation(
            operationId = "listLocations",
            summary = "存放位置登记",
            description = "调用方数据范围内各全宗登记的存放位置（库房、架、层、格）。 The storage locations in the caller's scope.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:item:read"))
    @ApiResponse(responseCode = "200", description = "存放位置")
    @GetMapping("/locations")
    List<StorageLocations.Location> list(Access access) {
        return locations.list(access.scope());
    }

    @Operation(
            operationId = "registerLocation",
            summary = "登记存放位置",
            description = "在全宗（fondsCode）中登记一个存放位置：库房（room）、架（shelf）、层（layer）、格（cell），可附备注；"
                    + "同一全宗内重复的位置答 409。 Registers a storage location.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:container:manage"))
    @ApiResponse(responseCode = "201", description = "新登记的位置")
    @ApiResponse(responseCode = "409", ref = "Conflict")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/locations")
    ResponseEntity<StorageLocations.Location> register(@RequestBody NewLocation body, Access access) {
        var l = locations.register(
                body.fondsCode(), body.room(), body.shelf(), body.layer(), body.cell(), body.note(), access);
        return ResponseEntity.created(URI.create("/api/v1/locations/" + l.id())).body(l);
    }

    @Operation(
            operationId = "placeBox",
            summary = "盒上架",
            description = "把盒放到同一全宗的存放位置；移动留审计。 Places a box at a storage location.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:container:manage"))
    @ApiResponse(responseCode = "200", description = "盒的存放位置")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/boxes/{id}/location")
    Map<String, Object> placeBox(@PathVariable long id, @RequestBody Placing body, Access access) {
        locations.placeBox(id, required(body), access);
        return Map.of("boxId", id, "location", String.valueOf(locations.labelOfBox(id)));
    }

    @Operation(
            operationId = "placeVolume",
            summary = "卷上架",
            description = "把卷放到同一全宗的存放位置；移动留审计。 Places a volume at a storage location.",
            security = @SecurityRequirement(name = "apiToken", scopes = "catalog:container:manage"))
    @ApiResponse(responseCode = "200", description = "卷的存放位置")
    @ApiResponse(responseCode = "404", ref = "NotFound")
    @ApiResponse(responseCode = "422", ref = "InvalidInput")
    @PostMapping("/volumes/{id}/location")
    Map<String, Object> placeVolume(@PathVariable long id, @RequestBody Placing body, Access access) {
        locations.placeVolume(id, required(body), access);
        return Map.of("volumeId", id, "location", String.valueOf(locations.labelOfVolume(id)));
    }

    private static long required(Placing body) {
        if (body.locationId() == null) {
            throw new InvalidInputException(Violation.of("locationId", "required"));
        }
        return body.locationId();
    }
}
