package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.audit.AuditTrail;
import org.siarchive.audit.AuditedObject;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.shared.ConflictException;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The login policy end to end over HTTP: TOTP, lockout, approval, first-login change, network binding, one session. */
class LoginIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    AuditTrail audit;

    private final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    private static final Actor SYSADMIN = new Actor("sys-" + 1, null, "127.0.0.1", "junit");
    private static final Actor SECADMIN = new Actor("sec-" + 1, null, "127.0.0.1", "junit");

    private TestAccounts.Login account(String name, Role role, boolean totp) {
        return TestAccounts.create(accounts, name + run, organisations.root().id(), Set.of(role), 2, totp);
    }

    @Test
    void aSecondFactorIsAskedForAndACodeWorksOnlyOnce() {
        var approver = account("appr", Role.APPROVER, true);
        var s = new ConsoleSession(port);
        s.get("/login");
        var afterPassword = s.post("/login", Map.of("username", approver.username(), "password", approver.password()));
        assertThat(afterPassword.location()).endsWith("/login/totp");
        assertThat(s.get("/search").status())
                .as("nothing opens before the second factor")
                .isIn(302, 403);
        s.get("/login/totp");
        assertThat(s.post("/login/totp", Map.of("code", "000000")).location()).contains("/login/totp?error");
        String code = TestAccounts.code(approver.totpSecret());
        assertThat(s.post("/login/totp", Map.of("code", code)).location()).endsWith("/");
        assertThat(s.get("/search").status()).isEqualTo(200);

        var again = new ConsoleSession(port);
        again.get("/login");
        again.post("/login", Map.of("username", approver.username(), "password", approver.password()));
        again.get("/login/totp");
        assertThat(again.post("/login/totp", Map.of("code", code)).location())
                .as("a used code is refused")
                .contains("error");
    }

    @Test
    void fiveFailuresLockTheAccountEvenAgainstTheRightPassword() {
        var reader = account("lock", Role.READER, false);
        var s = new ConsoleSession(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(s.login(reader.username(), "wrong-" + i, () -> "")).isEqualTo("/login?error=bad");
        }
        assertThat(s.login(reader.username(), "wrong-5", () -> "")).isEqualTo("/login?error=locked");
        assertThat(s.login(reader.username(), reader.password(), () -> "")).isEqualTo("/login?error=locked");
        assertThat(audit.forObject(AuditedObject.ACCOUNT, reader.username()))
                .extracting(AuditTrail.Entry::operation, AuditTrail.Entry::result)
                .contains(
                        org.assertj.core.groups.Tuple.tuple("LOGIN", "FAILURE"),
                        org.assertj.core.groups.Tuple.tuple("LOCK", "SUCCESS"),
                        org.assertj.core.groups.Tuple.tuple("LOGIN", "DENIED"));

        String oneTime = accounts.resetPassword(reader.id(), "本人来电确认", SYSADMIN);
        assertThat(s.login(reader.username(), oneTime, () -> "")).isEqualTo("/account/password");
        assertThat(s.get("/search").status())
                .as("only the password change is open")
                .isEqualTo(403);
    }

    @Test
    void aNewAccountWaitsForApprovalAndChangesItsPasswordFirst() {
        var created = accounts.create("new" + run, "新同事", organisations.root().id(), SYSADMIN);
        var s = new ConsoleSession(port);
        assertThat(s.login("new" + run, created.oneTimePassword(), () -> "")).isEqualTo("/login?error=pending");
        assertThatThrownBy(() -> accounts.approve(created.account().id(), SYSADMIN))
                .isInstanceOf(ConflictException.class); // nobody approves the account they created
        accounts.approve(created.account().id(), SECADMIN);
        accounts.grant(created.account().id(), Role.READER, SECADMIN);

        assertThat(s.login("new" + run, created.oneTimePassword(), () -> "")).isEqualTo("/account/password");
        s.get("/account/password");
        var weak = s.post(
                "/account/password",
                Map.of(
                        "currentPassword",
                        created.oneTimePassword(),
                        "newPassword",
                        "abcdefgh",
                        "confirmPassword",
                        "abcdefgh"));
        assertThat(weak.status()).isEqualTo(200);
        assertThat(weak.body()).contains("password-errors");
        String strong = "Xy7-archive-" + run;
        var ok = s.post(
                "/account/password",
                Map.of("currentPassword", created.oneTimePassword(), "newPassword", strong, "confirmPassword", strong));
        assertThat(ok.location()).endsWith("/account?changed");
        assertThat(s.get("/search").status()).isEqualTo(200);
        var reuse = s.post(
                "/account/password",
                Map.of("currentPassword", strong, "newPassword", strong, "confirmPassword", strong));
        assertThat(reuse.body()).contains("password-errors");
    }

    @Test
    void aLoginFromOutsideTheBoundNetworksIsRefusedAndAudited() {
        var reader = account("net", Role.READER, false);
        accounts.setScope(reader.id(), organisations.root().id(), null, 2, "10.20.0.0/16", false, SECADMIN);
        assertThat(new ConsoleSession(port).login(reader.username(), reader.password(), () -> ""))
                .isEqualTo("/login?error=network");
        assertThat(audit.forObject(AuditedObject.ACCOUNT, reader.username()))
                .anySatisfy(e -> assertThat(e.result() + " " + e.reason())
                        .contains("DENIED")
                        .contains("10.20.0.0/16"));
        accounts.setScope(
                reader.id(), organisations.root().id(), null, 2, "127.0.0.1/32, 10.20.0.0/16", false, SECADMIN);
        assertThat(new ConsoleSession(port).login(reader.username(), reader.password(), () -> ""))
                .isEqualTo("/");
    }

    @Test
    void oneSessionPerAccount() {
        var reader = account("one", Role.READER, false);
        var first = new ConsoleSession(port);
        assertThat(first.login(reader.username(), reader.password(), () -> "")).isEqualTo("/");
        assertThat(first.get("/search").status()).isEqualTo(200);
        var second = new ConsoleSession(port);
        assertThat(second.login(reader.username(), reader.password(), () -> "")).isEqualTo("/");
        assertThat(first.get("/search").location()).contains("/login?expired");
        assertThat(second.get("/search").status()).isEqualTo(200);
    }

    @Test
    void separationOfDutiesIsEnforcedOnEveryGrant() {
        var sys = account("sx", Role.SYSADMIN, true);
        var aud = account("ax", Role.AUDITOR, true);
        var clerk = account("cx", Role.CLERK, false);
        assertThatThrownBy(() -> accounts.grant(sys.id(), Role.AUDITOR, SECADMIN))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> accounts.grant(sys.id(), Role.SECADMIN, SECADMIN))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> accounts.grant(aud.id(), Role.ARCHIVIST, SECADMIN))
                .isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> accounts.grant(clerk.id(), Role.AUDITOR, SECADMIN))
                .isInstanceOf(ConflictException.class);
        var self = new Actor(clerk.username(), null, "127.0.0.1", "junit");
        assertThatThrownBy(() -> accounts.grant(clerk.id(), Role.ARCHIVIST, self))
                .isInstanceOf(ConflictException.class);
        accounts.grant(clerk.id(), Role.ARCHIVIST, SECADMIN); // two business roles are fine
        assertThat(accounts.require(clerk.id()).roles()).containsExactlyInAnyOrder(Role.CLERK, Role.ARCHIVIST);
    }
}
