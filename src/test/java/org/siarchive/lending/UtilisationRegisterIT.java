package org.siarchive.lending;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.siarchive.capture.Captures;
import org.siarchive.capture.Upload;
import org.siarchive.catalog.ItemRecord;
import org.siarchive.organisation.Organisations;
import org.siarchive.security.Accounts;
import org.siarchive.security.Role;
import org.siarchive.security.TestAccounts;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ReadableTime;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.siarchive.support.Samples;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The utilisation register (利用登记) names who used the archive and why: for an original lent, the
 * borrower written on the loan (not the archivist who handed it over) and the purpose as typed, with its
 * code; the archivist stays on record as the one who entered it.
 */
class UtilisationRegisterIT extends IntegrationTest {

    @Autowired
    Captures captures;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void registerNamesTheBorrowerOfAnOriginalAndThePurposeAsTyped() {
        // given an archivist and an original in the store
        var item = capture();
        var archivist = login();

        // when the archivist lends the original to a named borrower for a typed purpose
        var redirect = archivist.post(
                "/lending/physical",
                Map.of(
                        "borrower", "欧阳借阅",
                        "borrowerUnit", "锦江区劳动监察大队",
                        "borrowerKind", "UNIT",
                        "purposeCode", "JUDICIAL",
                        "purpose", "劳动仲裁案（2026）锦劳仲字第 17 号调取原件",
                        "archiveCodes", item.archiveCode(),
                        "dueDate", ReadableTime.beijing().today().plusDays(5).toString()));
        assertThat(redirect.status()).as(redirect.body()).isEqualTo(302);
        long loanId =
                Long.parseLong(redirect.location().substring(redirect.location().lastIndexOf('/') + 1));

        // then the register line names the borrower, not the archivist
        String user = jdbc.sql("select user_name from utilisation where loan_id = :l")
                .param("l", loanId)
                .query(String.class)
                .single();
        assertThat(user).isEqualTo("欧阳借阅");
        // and keeps the purpose as typed, its code, the borrower's unit and who entered it
        var line = jdbc.sql(
                        "select purpose, purpose_code, borrower_unit, recorded_by from utilisation where loan_id = :l")
                .param("l", loanId)
                .query((rs, n) -> List.of(
                        rs.getString("purpose"),
                        rs.getString("purpose_code"),
                        rs.getString("borrower_unit"),
                        rs.getString("recorded_by")))
                .single();
        assertThat(line).containsExactly("劳动仲裁案（2026）锦劳仲字第 17 号调取原件", "JUDICIAL", "锦江区劳动监察大队", archivist.username());
        // and the register page shows both
        assertThat(archivist.get("/lending/register").body()).contains("欧阳借阅", "劳动仲裁案（2026）锦劳仲字第 17 号调取原件");
        // and the loan is audited with the borrower and the purpose code
        assertThat(jdbc.sql(
                                "select detail from audit_entry where object_type = 'PHYSICAL_LOAN' and object_id = :id and operation = 'LEND'")
                        .param("id", Long.toString(loanId))
                        .query(String.class)
                        .single())
                .contains("欧阳借阅", "JUDICIAL");
    }

    @Test
    void refusesAPhysicalLoanWithAnUnknownPurposeCode() {
        var item = capture();
        var archivist = login();

        var refused = archivist.post(
                "/lending/physical",
                Map.of(
                        "borrower", "欧阳借阅",
                        "borrowerUnit", "锦江区劳动监察大队",
                        "borrowerKind", "UNIT",
                        "purposeCode", "NOSUCH",
                        "purpose", "核查",
                        "archiveCodes", item.archiveCode(),
                        "dueDate", ReadableTime.beijing().today().plusDays(5).toString()));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("NOSUCH");
        assertThat(jdbc.sql("select count(*) from physical_loan_item where item_id = :i")
                        .param("i", item.id())
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private ItemRecord capture() {
        var s = Samples.personEnrolment(
                "0001", "1", Samples.acceptanceNo(), Samples.citizenId(1969), "登记借阅", "13800138000", null);
        return captures.capture(
                        s,
                        List.of(
                                Upload.ofBytes("a.png", Samples.png(7301 + (int) (System.nanoTime() % 500))),
                                Upload.ofBytes("b.pdf", Samples.pdf("register " + UUID.randomUUID()))),
                        null,
                        Actor.SYSTEM)
                .item();
    }

    private Session login() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        var l = TestAccounts.create(
                accounts, "archivist" + run, organisations.root().id(), Set.of(Role.ARCHIVIST), 3, false);
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/account");
        return new Session(s, l.username());
    }

    /** A logged-in console session and its account name. */
    private record Session(ConsoleSession console, String username) {
        ConsoleSession.Page post(String path, Map<String, String> form) {
            return console.post(path, form);
        }

        ConsoleSession.Page get(String path) {
            return console.get(path);
        }
    }
}
