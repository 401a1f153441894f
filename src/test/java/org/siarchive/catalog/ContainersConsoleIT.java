package org.siarchive.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The console of volumes and boxes: 组卷 from 档号 typed with "-" and full-width forms, refused forms back with
 * the errors beside the fields and the input kept, the 备考表, 装盒, and the printed 备考表 and box labels
 * (text read back with PDFBox), each print audited.
 */
class ContainersConsoleIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    Captures captures;

    @Autowired
    JdbcClient jdbc;

    private ItemRecord capture(String run, int n) {
        return captures.capture(
                        Samples.personEnrolment(Samples.acceptanceNo(), Samples.citizenId(1980 + n), "卷" + run + n),
                        List.of(
                                Upload.ofBytes("a.pdf", Samples.pdf("vol " + run + n)),
                                Upload.ofBytes("b.pdf", Samples.pdf("id " + run + n))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    /** The 档号 as a person types it: full-width characters and "．" for the middle dot. */
    private static String fullWidth(String code) {
        var sb = new StringBuilder();
        for (char c : code.replace("·", ".").toCharArray()) {
            sb.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
        }
        return sb.toString();
    }

    private static String pdfText(byte[] pdf) throws Exception {
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
        }
    }

    @Test
    void assembleNumberNoteBoxAndPrint() throws Exception {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var login = TestAccounts.create(
                accounts, "lijuan" + run, organisations.root().id(), Set.of(Role.ARCHIVIST), 3, false);
        var s = new ConsoleSession(port);
        assertThat(s.login(login.username(), login.password(), () -> "")).isEqualTo("/");
        var list = s.get("/volumes"); // the session's CSRF token after login comes with a page
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("id=\"volume-form\"");
        var a = capture(run, 1);
        var b = capture(run, 2);
        var c = capture(run, 3);
        String typed = a.archiveCode().replace("·", "-") + "\n" + fullWidth(b.archiveCode());

        var refused = s.post("/volumes", Map.of("title", "", "codes", typed + "\n不存在-" + run));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("id=\"form-errors\"", "id=\"title-error\"", "id=\"codes-error\"");
        assertThat(refused.body()).contains("不存在-" + run).contains("不在您的数据范围内");
        assertThat(refused.body())
                .as("the typed codes are kept")
                .contains(a.archiveCode().replace("·", "-"));

        var made = s.post("/volumes", Map.of("title", "卷内人参保登记材料" + run, "codes", typed));
        assertThat(made.status()).isEqualTo(302);
        String volume = made.location();
        assertThat(volume).matches("/volumes/\\d+");
        var page = s.get(volume);
        assertThat(page.body()).contains(a.archiveCode(), b.archiveCode()).doesNotContain(c.archiveCode());
        assertThat(page.body()).containsPattern("0001-SB·2024-D100-\\d{3}");

        var noNote = s.post(volume + "/note", Map.of("note", "本卷材料齐全" + run, "compiledOn", "2024-06-01"));
        assertThat(noNote.status()).isEqualTo(422);
        assertThat(noNote.body()).contains("id=\"compiledBy-error\"").contains("本卷材料齐全" + run);
        var note = s.post(
                volume + "/note",
                Map.of("note", "本卷材料齐全" + run, "compiledBy", "王立卷", "checkedBy", "李检查", "compiledOn", "2024-06-01"));
        assertThat(note.status()).isEqualTo(302);

        String sheet = pdfText(s.bytes(volume + "/note-sheet.pdf").body());
        String volumeCode = jdbc.sql("select archive_code from volume where id = :id")
                .param("id", Long.parseLong(volume.substring("/volumes/".length())))
                .query(String.class)
                .single();
        assertThat(sheet)
                .contains("卷内备考表", "本卷情况说明", "本卷共有文件2件", "本卷材料齐全" + run)
                .contains("立卷人：王立卷", "检查人：李检查", "立卷时间：2024-06-01", "北京时间")
                .contains(volumeCode, "卷内人参保登记材料" + run);

        String boxNo = "H" + run;
        var box = s.post("/boxes", Map.of("fondsCode", "0001", "boxNo", boxNo));
        assertThat(box.status()).isEqualTo(302);
        var again = s.post("/boxes", Map.of("fondsCode", "0001", "boxNo", boxNo));
        assertThat(again.status()).isEqualTo(422);
        assertThat(again.body()).contains("id=\"boxNo-error\"").contains("value=\"" + boxNo + "\"");
        String boxId = box.location().substring("/boxes/".length());
        assertThat(s.post(volume + "/box", Map.of("boxId", boxId)).status()).isEqualTo(302);
        assertThat(s.post(
                                box.location() + "/items",
                                Map.of("codes", c.archiveCode().replace("·", "-")))
                        .status())
                .isEqualTo(302);
        var boxPage = s.get(box.location()).body();
        assertThat(boxPage).contains(volumeCode, a.archiveCode(), b.archiveCode(), c.archiveCode());

        String labels = pdfText(s.bytes(box.location() + "/labels.pdf").body());
        var codes = List.of(a.archiveCode(), b.archiveCode(), c.archiveCode()).stream()
                .sorted()
                .toList();
        assertThat(labels)
                .contains("盒面", "盒脊", "全宗号", "0001", "年度", "2024", "保管期限", "100年", "盒号", boxNo)
                .contains("起始档号", codes.get(0), "终止档号", codes.get(2), "起止件号", "北京时间");

        assertThat(jdbc.sql("select count(*) from audit_entry where operation = 'PRINT' and actor = :a")
                        .param("a", login.username())
                        .query(Integer.class)
                        .single())
                .as("both prints are audited")
                .isEqualTo(2);
    }
}
