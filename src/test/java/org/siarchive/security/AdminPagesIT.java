package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.siarchive.catalog.Catalog;
import org.siarchive.organisation.Organisations;
import org.siarchive.shared.Actor;
import org.siarchive.support.ConsoleSession;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The administrators' pages show what security learns from the owning modules (docs/adr/0041): an
 * account's organisation unit from organisation, the fonds to choose for its data scope from catalog,
 * a token's unit; security reads no table of theirs.
 */
class AdminPagesIT extends IntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Organisations organisations;

    @Autowired
    Catalog catalog;

    @Test
    void accountAndTokenPagesNameTheUnitAndTheFondsOfTheOwningModules() {
        String run = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 999_999));
        var county =
                organisations.create(organisations.root().id(), "AP" + run, "丙县社保中心" + run, "COUNTY", Actor.SYSTEM);
        String fonds = "P" + run.substring(0, 4);
        catalog.ensureFonds(fonds, "丙县档案" + run, county.name(), county.id(), Actor.SYSTEM);
        var reader = TestAccounts.create(accounts, "apreader" + run, county.id(), Set.of(Role.READER), 2, false);
        var secadmin = TestAccounts.create(
                accounts, "apsec" + run, organisations.root().id(), Set.of(Role.SECADMIN), 3, true);
        tokens.issue("接口" + run, county.id(), Set.of(Permission.SEARCH), 1, null, 30, Actor.SYSTEM);

        assertThat(accounts.require(reader.id()))
                .extracting(Account::orgCode, Account::orgName, Account::orgPath)
                .containsExactly(county.code(), county.name(), county.path());
        var session = new ConsoleSession(port);
        assertThat(session.login(secadmin.username(), secadmin.password(), secadmin.codes()))
                .isEqualTo("/");

        var detail = session.get("/admin/accounts/" + reader.id());
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.body()).contains(fonds + " 丙县档案" + run).contains(county.name());
        var list = session.get("/admin/accounts");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body()).contains("apreader" + run);
        var tokenList = session.get("/admin/tokens");
        assertThat(tokenList.status()).isEqualTo(200);
        assertThat(tokenList.body()).contains("接口" + run).contains("<td>" + county.name() + "</td>");
    }
}
