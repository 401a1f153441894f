package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.organisation.OrgUnit;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.shared.Scope;
import org.siarchive.support.ApiClient;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The location register: registering (refused forms 422 with the input kept, a duplicate 409/422), placing boxes
 * and volumes (audited with where they stood), the location on box, volume and item pages, and another unit that
 * neither sees the locations nor places anything on them (404).
 */
class StorageLocationsIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Containers containers;

    @Autowired
    JdbcClient jdbc;

    private ConsoleSession login(String name, OrgUnit org) {
        var l = TestAccounts.create(
                accounts, name, org.id(), Set.of(Role.ARCHIVIST), 3, Role.ARCHIVIST.requiresSecondFactor());
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/locations");
        return s;
    }

    @Test
    void registerPlaceShowAndKeepToTheUnit() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var root = organisations.root();
        var unit = organisations.create(root.id(), "LA" + run, "库房测试县" + run, "COUNTY", Actor.SYSTEM);
        var other = organisations.create(root.id(), "LB" + run, "库房另一县" + run, "COUNTY", Actor.SYSTEM);
        String fonds = "6" + run.substring(0, 3); // four digits, as 全宗号 are
        catalog.ensureFonds(fonds, "库房测试档案", unit.name(), unit.id(), Actor.SYSTEM);
        var s = login("locarch" + run, unit);
        var o = login("locother" + run, other);

        var bad =
                s.post("/locations", Map.of("fondsCode", fonds, "room", "", "shelf", "3 x", "layer", "2", "cell", "5"));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("id=\"room-error\"", "id=\"shelf-error\"", "value=\"3 x\"");
        var made = s.post(
                "/locations", Map.of("fondsCode", fonds, "room", "一号库房", "shelf", "A3", "layer", "2", "cell", "5"));
        assertThat(made.status()).as(made.body()).isEqualTo(302);
        var twice = s.post(
                "/locations", Map.of("fondsCode", fonds, "room", "一号库房", "shelf", "A3", "layer", "2", "cell", "5"));
        assertThat(twice.status()).isEqualTo(422);
        assertThat(twice.body()).contains("已登记");
        var api = s.api(
                "POST",
                "/api/v1/locations",
                "{\"fondsCode\":\"" + fonds + "\",\"room\":\"一号库房\",\"shelf\":\"A3\",\"layer\":\"2\",\"cell\":\"6\"}");
        assertThat(api.status()).as(api.body()).isEqualTo(201);
        long second = ApiClient.JSON.readTree(api.body()).get("id").asLong();
        var dup = s.api(
                "POST",
                "/api/v1/locations",
                "{\"fondsCode\":\"" + fonds + "\",\"room\":\"一号库房\",\"shelf\":\"A3\",\"layer\":\"2\",\"cell\":\"6\"}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(s.get("/locations").body()).contains("一号库房", "A3");
        assertThat(o.get("/locations").body()).doesNotContain("一号库房");
        assertThat(o.api("GET", "/api/v1/locations", "").body()).doesNotContain(fonds);
        var outsider = o.api(
                "POST",
                "/api/v1/locations",
                "{\"fondsCode\":\"" + fonds + "\",\"room\":\"X\",\"shelf\":\"1\",\"layer\":\"1\",\"cell\":\"1\"}");
        assertThat(outsider.status())
                .as("another unit's fonds is not a fonds for them")
                .isEqualTo(422);

        var system = new Access(Actor.SYSTEM, Scope.EVERYTHING, Set.of());
        var item = captures.capture(
                        Samples.personEnrolment(
                                fonds,
                                "1",
                                Samples.acceptanceNo(),
                                Samples.citizenId(1961),
                                "库房人" + run,
                                "13800138000",
                                null),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(run.hashCode())),
                                Upload.ofBytes("b.pdf", Samples.pdf("loc " + run))),
                        null,
                        Actor.SYSTEM)
                .item();
        long box = containers.createBox(fonds, "KF" + run, system).id();
        containers.putIntoBox(box, List.of(item.id()), system);
        assertThat(o.api("POST", "/api/v1/boxes/" + box + "/location", "{\"locationId\":" + second + "}")
                        .status())
                .isEqualTo(404);
        var placed = s.post("/boxes/" + box + "/location", Map.of("locationId", Long.toString(second)));
        assertThat(placed.status()).isEqualTo(302);
        assertThat(s.get("/boxes/" + box).body()).contains("一号库房 A3-2-6");
        assertThat(s.get("/items/" + item.id()).body()).contains("id=\"item-location\"", "一号库房 A3-2-6");
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'BOX' and operation = 'PLACE'"
                                + " and object_id = :b")
                        .param("b", Long.toString(box))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where object_type = 'STORAGE_LOCATION'"
                                + " and operation = 'CREATE' and object_id = :l")
                        .param("l", Long.toString(second))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }
}
