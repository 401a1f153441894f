package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.siarchive.organisation.Organisations;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrators' forms (issue 14): a refused policy, token, organisation unit or account comes back
 * as 422 on the same page, the error beside its field, what was typed kept, nothing written; the own
 * account page names permissions in words, never codes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminFormsIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Organisations organisations;

    @Autowired
    SecurityPolicy policy;

    @Autowired
    ApiTokens tokens;

    final String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
    ConsoleSession secadmin;
    ConsoleSession sysadmin;

    @BeforeAll
    void administrators() {
        long root = organisations.root().id();
        secadmin = login(TestAccounts.create(accounts, "afsec" + run, root, Set.of(Role.SECADMIN), 3, true));
        sysadmin = login(TestAccounts.create(accounts, "afsys" + run, root, Set.of(Role.SYSADMIN), 3, true));
    }

    private ConsoleSession login(TestAccounts.Login l) {
        var s = new ConsoleSession(port);
        assertThat(s.login(l.username(), l.password(), l.codes())).isEqualTo("/");
        s.get("/account");
        return s;
    }

    @Test
    void aRefusedPolicyKeepsEveryValueAndSavesNothing() {
        var before = policy.current();
        String history = before.get("password.history").equals("7") ? "8" : "7";
        var form = new LinkedHashMap<String, String>(before);
        form.put("password.min-length", "3");
        form.put("lockout.minutes", "viel");
        form.put("password.history", history);
        var page = secadmin.post("/admin/policy", form);
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("id=\"form-errors\"")
                .contains("id=\"password-min-length-error\"")
                .contains("id=\"lockout-minutes-error\"")
                .contains("应在 8 到 64 之间")
                .contains("value=\"viel\"")
                .contains("value=\"" + history + "\"")
                .doesNotContain("id=\"password-history-error\"");
        assertThat(policy.current())
                .as("nothing saved while one value is refused")
                .isEqualTo(before);

        form = new LinkedHashMap<>(before);
        form.put("password.history", history);
        var saved = secadmin.post("/admin/policy", form);
        assertThat(saved.status()).isEqualTo(302);
        assertThat(policy.current().get("password.history")).isEqualTo(history);
        secadmin.post("/admin/policy", before);
    }

    @Test
    void aRefusedTokenKeepsWhatWasTypedAndTicked() {
        var form = new LinkedHashMap<String, String>();
        form.put("client", "x");
        form.put("orgId", Long.toString(organisations.root().id()));
        form.put("clearance", "2");
        form.put("validDays", "400");
        form.put("allowedNetworks", "10.9.0.0/16");
        var page = secadmin.post("/admin/tokens", form);
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("id=\"client-error\"")
                .contains("id=\"scopes-error\"")
                .contains("id=\"validDays-error\"")
                .contains("value=\"400\"")
                .contains("value=\"10.9.0.0/16\"")
                .doesNotContain("id=\"issued-token\"");
        assertThat(tokens.list()).noneMatch(t -> t.client().equals("x"));

        form.put("client", "接口" + run);
        form.put("validDays", "abc");
        form.put("scopes", Permission.SEARCH);
        page = secadmin.post("/admin/tokens", form);
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("id=\"validDays-error\"")
                .contains("value=\"接口" + run + "\"")
                .containsPattern("value=\"search:query\"\\s+checked=\"checked\"")
                .doesNotContain("id=\"client-error\"");
        assertThat(page.body()).contains("档案检索");
    }

    @Test
    void aRefusedOrganisationUnitKeepsItsNameAndLevel() {
        var page = sysadmin.post(
                "/admin/organisations",
                Map.of(
                        "parentId",
                        Long.toString(organisations.root().id()),
                        "code",
                        "",
                        "name",
                        "戊县社保中心" + run,
                        "level",
                        "AGENCY"));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("id=\"code-error\"")
                .contains("value=\"戊县社保中心" + run + "\"")
                .containsPattern("value=\"AGENCY\"\\s+selected=\"selected\"")
                .doesNotContain("id=\"name-error\"");
        assertThat(organisations.all()).noneMatch(o -> o.name().equals("戊县社保中心" + run));

        var both = sysadmin.post(
                "/admin/organisations",
                Map.of("parentId", Long.toString(organisations.root().id()), "code", "坏 码", "name", ""));
        assertThat(both.status()).isEqualTo(422);
        assertThat(both.body())
                .contains("id=\"code-error\"")
                .contains("id=\"name-error\"")
                .contains("id=\"level-error\"");
    }

    @Test
    void aRefusedAccountKeepsTheTypedNames() {
        var page = sysadmin.post(
                "/admin/accounts",
                Map.of(
                        "username",
                        "1bad",
                        "displayName",
                        "赵经办" + run,
                        "orgId",
                        Long.toString(organisations.root().id())));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("id=\"username-error\"")
                .contains("value=\"1bad\"")
                .contains("value=\"赵经办" + run + "\"");
    }

    @Test
    void aReasonFormRefusedComesBackBesideItsOwnReason() {
        var target =
                TestAccounts.create(accounts, "afrs" + run, organisations.root().id(), Set.of(Role.READER), 1, false);
        String path = "/admin/accounts/" + target.id();
        String long501 = "因".repeat(501);
        var page = sysadmin.post(path + "/disable", Map.of("reason", long501));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("id=\"statusReason-error\"")
                .contains("value=\"" + long501 + "\"")
                .doesNotContain("id=\"passwordReason-error\"")
                .doesNotContain("id=\"totpReason-error\"");
        assertThat(accounts.require(target.id()).status()).as("nothing written").isEqualTo("ACTIVE");

        page = sysadmin.post(path + "/reset-password", Map.of("reason", " "));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body())
                .contains("id=\"passwordReason-error\"")
                .doesNotContain("id=\"statusReason-error\"")
                .doesNotContain("id=\"one-time-password\"");

        page = sysadmin.post(path + "/reset-totp", Map.of("reason", ""));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"totpReason-error\"").doesNotContain("id=\"passwordReason-error\"");

        assertThat(sysadmin.post(path + "/disable", Map.of("reason", "离职")).status())
                .isEqualTo(302);
        page = sysadmin.post(path + "/enable", Map.of("reason", ""));
        assertThat(page.status()).isEqualTo(422);
        assertThat(page.body()).contains("id=\"statusReason-error\"");
        assertThat(accounts.require(target.id()).status()).isEqualTo("DISABLED");
        assertThat(sysadmin.post(path + "/enable", Map.of("reason", "返岗")).status())
                .isEqualTo(302);
        assertThat(accounts.require(target.id()).status()).isEqualTo("ACTIVE");
    }

    @Test
    void theAccountPageNamesPermissionsInWords() {
        var page = secadmin.get("/account");
        assertThat(page.status()).isEqualTo(200);
        String permissions = page.body().substring(page.body().indexOf("id=\"permissions\""));
        assertThat(permissions).contains("管理安全策略").contains("管理接口令牌").doesNotContain("policy:manage");
        assertThat(page.body()).doesNotContain("token:manage");
    }

    @Test
    void everyPermissionHasALabelInBothLanguages() throws Exception {
        for (String bundle : new String[] {"i18n/messages.properties", "i18n/messages_en.properties"}) {
            var p = new java.util.Properties();
            try (var in = getClass().getClassLoader().getResourceAsStream(bundle);
                    var r = new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8)) {
                p.load(r);
            }
            assertThat(PermissionLabels.all()).hasSizeGreaterThan(25);
            PermissionLabels.all().forEach(code -> assertThat(p.getProperty(PermissionLabels.key(code)))
                    .as(bundle + " " + code)
                    .isNotBlank());
        }
    }
}
