package org.siarchive.transfer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
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
 * A receipt's live progress (issue 14): while the upload request of the receipt form runs, the page polls
 * {@code /transfers/receipts/{token}/progress} and sees the records checked and received advance, then the
 * final state; the token is the account's own, another account sees nothing of it.
 */
class ReceiptProgressIT extends IntegrationTest {

    private static final Pattern STATE =
            Pattern.compile("data-stage=\"(\\w+)\".*?data-done=\"(\\d+)\".*?data-total=\"(\\d+)\"", Pattern.DOTALL);

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

    @Autowired
    ReceiptProgress progress;

    @LocalServerPort
    int port;

    @AfterEach
    void fullSpeed() {
        progress.pace(Duration.ZERO);
    }

    @Test
    void theReceiptFormShowsItsCountsAdvanceAndItsEnd() throws Exception {
        catalog.ensureFonds("0011", "进度接收全宗", "进度接收社保中心", organisations.root().id(), Actor.SYSTEM);
        var ids = new ArrayList<UUID>();
        for (int i = 0; i < 3; i++) {
            ids.add(captures.capture(
                            Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1960 + i), "进度移交" + i),
                            List.of(
                                    Upload.ofBytes("a.png", Samples.png(9400 + i)),
                                    Upload.ofBytes("b.pdf", Samples.pdf("progress " + i))),
                            null,
                            Actor.SYSTEM)
                    .item()
                    .id());
        }
        var exported = packages.export(ids, TransferPackages.Format.EEP, Access.SYSTEM);
        byte[] pkg = Files.readAllBytes(exported.file());
        Files.deleteIfExists(exported.file());

        var login = TestAccounts.create(
                accounts, "rp" + UUID.randomUUID().toString().substring(0, 8), 1, Set.of(Role.ARCHIVIST), 3, false);
        // one session (one login per account): the request runs on one thread, the page polls on another
        var sender = session(login);
        var watcher = sender;
        var page = sender.get("/transfers");
        var token = Pattern.compile("name=\"progressToken\" value=\"([0-9a-f-]{36})\"")
                .matcher(page.body());
        assertThat(token.find())
                .as("the form carries a progress token: " + page.status() + page.body())
                .isTrue();
        String t = token.group(1);
        assertThat(page.body()).contains("hx-get=\"/transfers/receipts/" + t + "/progress\"");
        assertThat(state(watcher, t)).as("nothing sent yet").startsWith("UPLOADING");

        progress.pace(Duration.ofMillis(700));
        var post = CompletableFuture.supplyAsync(() -> send(sender, port, pkg, t));
        var seen = new LinkedHashMap<String, Boolean>();
        long until = System.currentTimeMillis() + 60_000;
        while (!post.isDone() && System.currentTimeMillis() < until) {
            seen.put(state(watcher, t), true);
            Thread.sleep(150);
        }
        var received = post.get();
        assertThat(received.status()).isEqualTo(302);
        assertThat(received.location()).contains("/transfers?received=");

        assertThat(seen.keySet())
                .as("counts advance while the request runs")
                .contains("CHECKING 1/3", "RECEIVING 1/3", "RECEIVING 2/3");
        var end = watcher.get("/transfers/receipts/" + t + "/progress");
        assertThat(state(watcher, t)).isEqualTo("DONE 3/3");
        assertThat(end.body()).contains("接收完成", "已完成 3 / 3 件").doesNotContain("hx-trigger");

        // another account sees nothing of this token
        var other = session(TestAccounts.create(
                accounts, "rq" + UUID.randomUUID().toString().substring(0, 8), 1, Set.of(Role.ARCHIVIST), 3, false));
        assertThat(state(other, t)).startsWith("UPLOADING");
        assertThat(other.get("/transfers/receipts/not-a-token/progress").body()).contains("正在上传档案包");
    }

    private ConsoleSession session(TestAccounts.Login login) {
        var s = new ConsoleSession(port);
        assertThat(s.login(login.username(), login.password(), login.codes())).isEqualTo("/");
        return s;
    }

    private static String state(ConsoleSession s, String token) {
        var page = s.get("/transfers/receipts/" + token + "/progress");
        assertThat(page.status()).isEqualTo(200);
        var m = STATE.matcher(page.body());
        assertThat(m.find()).as(page.body()).isTrue();
        return m.group(1) + " " + m.group(2) + "/" + m.group(3);
    }

    private static ConsoleSession.Page send(ConsoleSession console, int port, byte[] pkg, String token) {
        String boundary = "----progress" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        for (var f : Map.of(
                        "fondsCode", "0011",
                        "handedOverBy", "张移交",
                        "witness", "李监交",
                        "duplicates", "KEEP",
                        "duplicateReason", "进度测试",
                        "progressToken", token,
                        "_csrf", console.csrf())
                .entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                            + f.getValue() + "\r\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"package\"; filename=\"progress.zip\"\r\n"
                        + "Content-Type: application/zip\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(pkg);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return console.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/transfers/receipts"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .header("X-CSRF-TOKEN", console.csrf())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }
}
