package org.siarchive.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Access;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The archivist's transfer page: the platform's key id, an export by 档号 that downloads a zip, a receipt
 * upload with handover names that lands in the register, and a refused empty export naming the field.
 */
class TransferConsoleIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Catalog catalog;

    @Autowired
    Organisations organisations;

    @Autowired
    TransferPackages packages;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @Test
    void exportAndReceiveFromTheConsole() throws Exception {
        catalog.ensureFonds("0010", "控制台接收全宗", "控制台接收社保中心", organisations.root().id(), Actor.SYSTEM);
        var item = captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1971), "控制台移交"),
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(9301)),
                                Upload.ofBytes("b.pdf", Samples.pdf("console transfer"))),
                        null,
                        Actor.SYSTEM)
                .item();
        var login = TestAccounts.create(
                accounts, "tc" + UUID.randomUUID().toString().substring(0, 8), 1, Set.of(Role.ARCHIVIST), 3, false);
        var console = new ConsoleSession(port);
        assertThat(console.login(login.username(), login.password(), login.codes()))
                .isEqualTo("/");

        var page = console.get("/transfers");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("移交接收登记表", packages.keyId());

        var refused = console.post("/transfers/exports", Map.of("archiveCodes", " ", "format", "EEP"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("档号", "必填");

        var zip = console.post("/transfers/exports", Map.of("archiveCodes", item.archiveCode(), "format", "EEP"));
        assertThat(zip.status()).isEqualTo(200);
        assertThat(zip.body()).startsWith("PK");

        // the receipt form, as the browser sends it: multipart with the CSRF token
        var exported = packages.export(List.of(item.id()), TransferPackages.Format.EEP, Access.SYSTEM);
        byte[] pkg = Files.readAllBytes(exported.file());
        Files.deleteIfExists(exported.file());
        console.get("/transfers");
        String boundary = "----console" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (var f : Map.of(
                        "fondsCode",
                        "0010",
                        "handedOverBy",
                        "张移交",
                        "witness",
                        "李监交",
                        // exported from this very platform: a duplicate by definition, received on purpose
                        "duplicates",
                        "KEEP",
                        "duplicateReason",
                        "控制台往返测试",
                        "_csrf",
                        console.csrf())
                .entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                            + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"package\"; filename=\"console.zip\"\r\n"
                        + "Content-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pkg);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var received =
                console.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/transfers/receipts"))
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .header("X-CSRF-TOKEN", console.csrf())
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        assertThat(received.status()).isEqualTo(302);
        assertThat(received.location()).contains("/transfers?received=");
        var after = console.get(received.location().replaceFirst("^https?://[^/]+", ""));
        assertThat(after.body()).contains("id=\"received\"", "console.zip", "张移交", "李监交", "已接收");

        // the handover register: its Excel holds the rows the page lists, in the layout staff keep
        var screen = org.siarchive.support.RegisterScreenRows.html(after.body(), "data-receipt");
        assertThat(screen).isNotEmpty();
        assertThat(screen.get(0)).contains("控制台接收全宗", "已接收", TestAccounts.displayName(login.username()));
        var xlsx = console.bytes("/transfers/export?format=xlsx");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(org.siarchive.support.RegisterScreenRows.xlsxHeader(xlsx.body()))
                .containsExactly("日期", "移交单位", "接收单位", "件数", "卷数", "状态", "经办人");
        assertThat(org.siarchive.support.RegisterScreenRows.xlsx(xlsx.body())).isEqualTo(screen);
        var pdf = console.bytes("/transfers/export?format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(new String(pdf.body(), 0, 5, StandardCharsets.ISO_8859_1)).isEqualTo("%PDF-");
        assertThat(console.get("/transfers/export?format=doc").status()).isEqualTo(422);
    }
}
