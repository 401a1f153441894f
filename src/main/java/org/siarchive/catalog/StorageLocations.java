package org.siarchive.catalog;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.siarchive.audit.AuditDetail;
import org.siarchive.audit.AuditOperation;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.shared.Access;
import org.siarchive.shared.ConflictException;
import org.siarchive.shared.InvalidInputException;
import org.siarchive.shared.NotFoundException;
import org.siarchive.shared.Scope;
import org.siarchive.shared.Violation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The location register (存放位置: 库房, 架, 层, 格) of a fonds, and where its boxes and volumes stand, so the
 * archivist finds the paper to lend or to destroy (docs/adr/0067). Every registration and placement is
 * audited in its transaction; a location, box or volume outside the caller's scope is 404.
 */
@Component
public class StorageLocations {

    /** A registered location; {@link #label()} is how people read it: 库房 A · 3 架 · 2 层 · 5 格. */
    public record Location(
            long id, String fondsCode, String room, String shelf, String layer, String cell, @Nullable String note) {

        public String label() {
            return room + " " + shelf + "-" + layer + "-" + cell;
        }
    }

    private static final String SELECT =
            """
            select l.id, f.code as fonds_code, l.room, l.shelf, l.layer, l.cell, l.note
            from storage_location l join fonds f on f.id = l.fonds_id
            """;
    private static final String FONDS_SCOPE =
            " f.org_path like :scopeOrg and (:scopeAllFonds or f.id = any(:scopeFonds))";
    private static final String PART = "[\\p{IsHan}A-Za-z0-9\\-·#]{1,%d}";

    private final JdbcClient jdbc;
    private final Containers containers;
    private final AuditTrail audit;

    StorageLocations(JdbcClient jdbc, Containers containers, AuditTrail audit) {
        this.jdbc = jdbc;
        this.containers = containers;
        this.audit = audit;
    }

    /** Registers a location of a fonds in the caller's scope; the same 库房/架/层/格 twice is 409. */
    @Transactional
    public Location register(
            String fondsCode,
            String room,
            String shelf,
            String layer,
            String cell,
            @Nullable String note,
            Access access) {
        var violations = new java.util.ArrayList<Violation>();
        part("room", room, 64, violations);
        part("shelf", shelf, 32, violations);
        part("layer", layer, 16, violations);
        part("cell", cell, 16, violations);
        if (note != null && note.strip().length() > 200) {
            violations.add(Violation.of("note", "maxLength", 200));
        }
        var p = ItemQueries.scopeParams(access.scope());
        p.put("c", fondsCode == null ? "" : fondsCode.strip());
        Long fondsId = jdbc.sql("select f.id from fonds f where f.code = :c and" + FONDS_SCOPE)
                .params(p)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (fondsId == null) {
            violations.add(Violation.of("fondsCode", "codeTable", fondsCode == null ? "" : fondsCode.strip()));
        }
        if (!violations.isEmpty()) {
            throw new InvalidInputException(violations);
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        long id = jdbc.sql(
                        """
                insert into storage_location (fonds_id, room, shelf, layer, cell, note)
                values (:f, :room, :shelf, :layer, :cell, :note)
                on conflict (fonds_id, room, shelf, layer, cell) do nothing returning id""")
                .param("f", fondsId)
                .param("room", room.strip())
                .param("shelf", shelf.strip())
                .param("layer", layer.strip())
                .param("cell", cell.strip())
                .param("note", cleanNote)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new ConflictException(
                        "conflict.locationExists",
                        room.strip() + " " + shelf.strip() + "-" + layer.strip() + "-" + cell.strip()));
        var location = new Location(
                id, fondsCode.strip(), room.strip(), shelf.strip(), layer.strip(), cell.strip(), cleanNote);
        audit.record(
                access.actor(),
                AuditedObject.STORAGE_LOCATION,
                Long.toString(id),
                AuditOperation.CREATE,
                null,
                AuditDetail.of("audit.detail.location", location.label()).encoded());
        return location;
    }

    /** The locations of the fonds in the caller's scope, in shelf order. */
    public List<Location> list(Scope scope) {
        return jdbc.sql(SELECT + " where" + FONDS_SCOPE + " order by f.code, l.room, l.shelf, l.layer, l.cell")
                .params(ItemQueries.scopeParams(scope))
                .query(Location.class)
                .list();
    }

    /** The locations of one fonds, for the placing form of a box page already scope-checked. */
    public List<Location> forFonds(String fondsCode) {
        return jdbc.sql(SELECT + " where f.code = :c order by l.room, l.shelf, l.layer, l.cell")
                .param("c", fondsCode)
                .query(Location.class)
                .list();
    }

    /** The locations of a volume's fonds, for the placing form of its page. */
    public List<Location> forVolume(long volumeId) {
        return jdbc.sql(SELECT + " where l.fonds_id = (select fonds_id from volume where id = :v)"
                        + " order by l.room, l.shelf, l.layer, l.cell")
                .param("v", volumeId)
                .query(Location.class)
                .list();
    }

    public Location location(long id, Scope scope) {
        var p = ItemQueries.scopeParams(scope);
        p.put("id", id);
        return jdbc.sql(SELECT + " where l.id = :id and" + FONDS_SCOPE)
                .params(p)
                .query(Location.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("STORAGE_LOCATION", Long.toString(id)));
    }

    /** Places a box at a location of its own fonds (上架); a move is audited with where it stood. */
    @Transactional
    public void placeBox(long boxId, long locationId, Access access) {
        var box = containers.box(boxId, access.scope());
        var to = location(locationId, access.scope());
        sameFonds(box.fondsCode(), to);
        String from = labelOfBox(boxId);
        jdbc.sql("update box set location_id = :l where id = :id")
                .param("l", locationId)
                .param("id", boxId)
                .update();
        audit.record(
                access.actor(),
                AuditedObject.BOX,
                Long.toString(boxId),
                AuditOperation.PLACE,
                null,
                AuditDetail.of("audit.detail.placed", box.boxNo(), from == null ? "—" : from, to.label())
                        .encoded());
    }

    /** Places a volume at a location of its own fonds; audited like a box. */
    @Transactional
    public void placeVolume(long volumeId, long locationId, Access access) {
        var volume = containers.volume(volumeId, access.scope());
        var to = location(locationId, access.scope());
        String fonds = jdbc.sql("select f.code from volume v join fonds f on f.id = v.fonds_id where v.id = :id")
                .param("id", volumeId)
                .query(String.class)
                .single();
        sameFonds(fonds, to);
        String from = labelOfVolume(volumeId);
        jdbc.sql("update volume set location_id = :l where id = :id")
                .param("l", locationId)
                .param("id", volumeId)
                .update();
        audit.record(
                access.actor(),
                AuditedObject.VOLUME,
                Long.toString(volumeId),
                AuditOperation.PLACE,
                null,
                AuditDetail.of("audit.detail.placed", volume.archiveCode(), from == null ? "—" : from, to.label())
                        .encoded());
    }

    /** Where a box stands, or null when it was never placed (the box itself is scope-checked by its page). */
    public @Nullable String labelOfBox(long boxId) {
        return label("select location_id from box where id = :id", boxId);
    }

    public @Nullable String labelOfVolume(long volumeId) {
        return label("select location_id from volume where id = :id", volumeId);
    }

    /** Where an item's paper stands: its volume's location, else its box's (a volume may sit in a box). */
    public @Nullable String labelOfItem(UUID itemId) {
        return jdbc.sql(
                        """
                select l.room || ' ' || l.shelf || '-' || l.layer || '-' || l.cell from item i
                left join volume v on v.id = i.volume_id left join box vb on vb.id = v.box_id
                left join box b on b.id = i.box_id
                join storage_location l on l.id = coalesce(v.location_id, vb.location_id, b.location_id)
                where i.id = :id""")
                .param("id", itemId)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private @Nullable String label(String sql, long id) {
        return jdbc.sql("select l.room || ' ' || l.shelf || '-' || l.layer || '-' || l.cell from storage_location l"
                        + " where l.id = (" + sql + ")")
                .param("id", id)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    private static void sameFonds(String fondsCode, Location to) {
        if (!fondsCode.equals(to.fondsCode())) {
            throw new InvalidInputException(Violation.of("locationId", "locationOtherFonds", to.label()));
        }
    }

    private static void part(String field, @Nullable String value, int max, List<Violation> out) {
        if (value == null || value.isBlank()) {
            out.add(Violation.of(field, "required"));
        } else if (!value.strip().matches(PART.formatted(max))) {
            out.add(Violation.of(field, "locationPart", max));
        }
    }
}
