package org.siarchive.capture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.preservation.Preservation;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The console capture form (issue 14): only fonds in the clerk's scope, one preselected; an empty form
 * names every missing field beside it; a refused form keeps the chosen files (staged, by token, for
 * this account only) so the resubmit succeeds without choosing them again.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaptureFormIT extends IntegrationTest {

    private static final Pattern KEPT = Pattern.compile("name=\"kept\" value=\"([0-9a-f\\-]{36})\"");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Catalog catalog;

    @Autowired
    Preservation preservation;

    @Autowired
    FormUploads uploads;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    String fonds;
    ConsoleSession clerk;
    ConsoleSession otherClerk;

    @BeforeAll
    void aCountyWithItsOwnFonds() {
        var county =
                organisations.create(organisations.root().id(), "CF" + run, "丁县社保中心" + run, "COUNTY", Actor.SYSTEM);
        fonds = "F" + run.substring(0, 4);
        catalog.ensureFonds(fonds, "丁县档案" + run, county.name(), county.id(), Actor.SYSTEM);
        clerk = login("cfclerk" + run, county.id());
        otherClerk = login("cfother" + run, county.id());
    }

    private ConsoleSession login(String name, long orgId) {
        var l = TestAccounts.create(accounts, name, orgId, Set.of(Role.CLERK), 2, false);
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/capture"); // the session's CSRF token
        return s;
    }

    @Test
    void offersOnlyTheFondsInScopeAndPreselectsIt() {
        var page = clerk.get("/capture");
        assertThat(page.status()).isEqualTo(200);
        var select = Pattern.compile("<select[^>]*id=\"fondsCode\".*?</select>", Pattern.DOTALL)
                .matcher(page.body());
        assertThat(select.find()).isTrue();
        var values = new ArrayList<String>();
        var option = Pattern.compile("<option value=\"([^\"]*)\"( selected=\"selected\")?")
                .matcher(select.group());
        String selected = null;
        while (option.find()) {
            values.add(option.group(1));
            if (option.group(2) != null) {
                selected = option.group(1);
            }
        }
        assertThat(values).containsExactly("", fonds);
        assertThat(selected).isEqualTo(fonds);
    }

    @Test
    void anEmptyCaptureNamesEveryMissingFieldBesideIt() {
        var form = new LinkedHashMap<String, String>();
        for (String f : List.of(
                "fondsCode",
                "businessStep",
                "acceptanceNo",
                "title",
                "responsible",
                "handler",
                "handlingAgency",
                "handledAt",
                "docDate",
                "personCertNo",
                "personName")) {
            form.put(f, "");
        }
        form.put("securityLevel", "2");
        var page = post(clerk, form, List.of(), List.of(), List.of());
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"form-errors\"");
        for (String f : List.of(
                "fondsCode",
                "businessStep",
                "acceptanceNo",
                "title",
                "responsible",
                "handler",
                "handlingAgency",
                "handledAt",
                "docDate",
                "files")) {
            assertThat(page.body()).as(f).contains("id=\"" + f + "-error\"");
        }

        form.put("fondsCode", fonds);
        form.put("businessStep", "GRCB");
        page = post(clerk, form, List.of("RY01", "RY02"), List.of(), List.of());
        assertThat(page.status()).isEqualTo(422);
        for (String f : List.of("acceptanceNo", "title", "personCertNo", "file-RY01", "file-RY02", "files")) {
            assertThat(page.body()).as(f).contains("id=\"" + f + "-error\"");
        }
        assertThat(page.body()).doesNotContain("id=\"fondsCode-error\"");
    }

    @Test
    void aRefusedCaptureKeepsTheChosenFilesForTheResubmit() {
        var form = complete();
        form.put("personName", "");
        var files = List.of(
                new FilePart("RY01", "增员表.png", Samples.png(run.hashCode())),
                new FilePart("RY02", "身份证.pdf", Samples.pdf("ID card " + run)));
        var refused = post(clerk, form, List.of("RY01", "RY02"), files, List.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body())
                .contains("id=\"personName-error\"")
                .contains("增员表.png")
                .contains("身份证.pdf");
        assertThat(refused.body()).contains("value=\"" + form.get("acceptanceNo") + "\"");
        var tokens = tokens(refused.body());
        assertThat(tokens).hasSize(2);
        tokens.forEach(t ->
                assertThat(preservation.stagedFiles(FormUploads.PREFIX + t)).hasSize(1));

        form.put("personName", "保留文件");
        var stolen = post(otherClerk, form, List.of("RY01", "RY02"), List.of(), tokens);
        assertThat(stolen.status())
                .as("another account cannot use the kept files")
                .isEqualTo(422);
        assertThat(stolen.body()).contains("id=\"files-error\"").doesNotContain("增员表.png");
        tokens.forEach(t ->
                assertThat(preservation.stagedFiles(FormUploads.PREFIX + t)).hasSize(1));

        var done = post(clerk, form, List.of("RY01", "RY02"), List.of(), tokens);
        assertThat(done.status()).as(done.body()).isEqualTo(302);
        assertThat(done.location()).contains("/items/");
        var item = catalog.requireItem(
                UUID.fromString(done.location().substring(done.location().lastIndexOf('/') + 1)));
        assertThat(item.files()).hasSize(2);
        assertThat(item.files().get(0).originalName()).isEqualTo("增员表.png");
        tokens.forEach(t ->
                assertThat(preservation.stagedFiles(FormUploads.PREFIX + t)).isEmpty());
    }

    @Test
    void aKeptFileCanBeRemoved() {
        var form = complete();
        form.put("title", "");
        var refused = post(
                clerk,
                form,
                List.of("RY01", "RY02"),
                List.of(new FilePart("RY01", "表.png", Samples.png(7 + run.hashCode()))),
                List.of());
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"title-error\"").contains("id=\"file-RY02-error\"");
        var tokens = tokens(refused.body());
        assertThat(tokens).hasSize(1);
        var withRemove = new LinkedHashMap<>(form);
        withRemove.put("removeKept", tokens.get(0));
        var removed = post(clerk, withRemove, List.of("RY01", "RY02"), List.of(), tokens);
        assertThat(removed.status()).isEqualTo(200);
        assertThat(tokens(removed.body())).isEmpty();
        assertThat(preservation.stagedFiles(FormUploads.PREFIX + tokens.get(0))).isEmpty();
    }

    @Test
    void stagedFormFilesNoTokenNamesAreSweptOnceIdle() throws Exception {
        String orphan = FormUploads.PREFIX + UUID.randomUUID();
        String fresh = FormUploads.PREFIX + UUID.randomUUID();
        var old = preservation.stage(orphan, 1, new java.io.ByteArrayInputStream(Samples.png(3)), 1 << 20);
        preservation.stage(fresh, 1, new java.io.ByteArrayInputStream(Samples.png(4)), 1 << 20);
        java.nio.file.Files.setLastModifiedTime(
                old.path(),
                java.nio.file.attribute.FileTime.from(java.time.Instant.now().minusSeconds(3600)));
        uploads.sweep();
        assertThat(preservation.stagedFiles(orphan))
                .as("left by a crash or restart: swept")
                .isEmpty();
        assertThat(preservation.stagedFiles(fresh))
                .as("may be a file being kept right now")
                .hasSize(1);
        preservation.discardStaging(fresh);
    }

    private Map<String, String> complete() {
        var form = new LinkedHashMap<String, String>();
        form.put("fondsCode", fonds);
        form.put("businessStep", "GRCB");
        form.put("acceptanceNo", Samples.acceptanceNo());
        form.put("handler", "王经办");
        form.put("handlingAgency", "丁县社会保险事业管理中心");
        form.put("handledAt", "2025-03-18T10:15");
        form.put("title", "参保登记");
        form.put("responsible", "丁县社会保险事业管理中心");
        form.put("docDate", "2025-03-18");
        form.put("securityLevel", "2");
        form.put("personCertType", "01");
        form.put("personCertNo", Samples.citizenId(1984));
        form.put("personName", "保留文件");
        return form;
    }

    private static List<String> tokens(String body) {
        var out = new ArrayList<String>();
        var m = KEPT.matcher(body);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    record FilePart(String material, String name, byte[] bytes) {}

    /** Posts the form as a browser does: every material row's hidden code and its (possibly empty) file input. */
    private ConsoleSession.Page post(
            ConsoleSession session,
            Map<String, String> fields,
            List<String> rows,
            List<FilePart> files,
            List<String> kept) {
        String boundary = "----capture" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        fields.forEach((k, v) -> text(body, boundary, k, v));
        text(body, boundary, "_csrf", session.csrf());
        kept.forEach(t -> text(body, boundary, "kept", t));
        for (String row : rows) {
            text(body, boundary, "material", row);
            var f = files.stream().filter(p -> p.material().equals(row)).findFirst();
            write(
                    body,
                    "--" + boundary + "\r\nContent-Disposition: form-data; name=\"files\"; filename=\""
                            + f.map(FilePart::name).orElse("")
                            + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
            f.ifPresent(p -> body.writeBytes(p.bytes()));
            write(body, "\r\n");
        }
        write(body, "--" + boundary + "--\r\n");
        return session.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/capture"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("Accept", "text/html")
                .header("X-CSRF-TOKEN", session.csrf())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private static void text(ByteArrayOutputStream body, String boundary, String name, String value) {
        write(
                body,
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n");
    }

    private static void write(ByteArrayOutputStream body, String s) {
        body.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
}
