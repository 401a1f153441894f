package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.siarchive.shared.AccessRules.anyMethod;
import static org.siarchive.shared.AccessRules.get;
import static org.siarchive.shared.AccessRules.post;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.AccessRules;

/** The book of URL rules refuses ambiguity at start-up and orders the rules the same way every time. */
class AccessRuleBookTest {

    record Contribution(String name, List<AccessRules.Rule> rules) implements AccessRules {}

    static class LendingRules implements AccessRules {
        @Override
        public List<Rule> rules() {
            return List.of(get("/lending/requests/*").requires(Permission.LOAN_REQUEST));
        }
    }

    static class CatalogRules implements AccessRules {
        @Override
        public List<Rule> rules() {
            return List.of(get("/lending/requests/*").requires(Permission.ITEM_READ));
        }
    }

    @Test
    void twoModulesClaimingOnePathWithDifferentAuthoritiesFailTheStart() {
        assertThatThrownBy(() -> new AccessRuleBook(List.of(new LendingRules(), new CatalogRules())))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/lending/requests/*")
                .hasMessageContaining("LendingRules")
                .hasMessageContaining("CatalogRules");
    }

    @Test
    void aRuleForEveryMethodConflictsWithOneMethodOfTheSamePath() {
        var open = new Contribution("open", List.of(anyMethod("/verify/*").permitAll()));
        var closed = new Contribution("closed", List.of(post("/verify/*").requires(Permission.CERTIFY)));

        assertThatThrownBy(() -> new AccessRuleBook(List.of(open, closed)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/verify/*");
    }

    @Test
    void anOpenAndAClosedClaimOfOnePathConflict() {
        var open = new Contribution("open", List.of(get("/verify").permitAll()));
        var closed = new Contribution("closed", List.of(get("/verify").requires(Permission.CERTIFY)));

        assertThatThrownBy(() -> new AccessRuleBook(List.of(open, closed))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void onePathWithDifferentMethodsIsNoConflict() {
        var book = new AccessRuleBook(List.of(new Contribution(
                "transfer",
                List.of(
                        get("/api/v1/transfers/receipts").requires(Permission.TRANSFER),
                        post("/api/v1/transfers/receipts").requires(Permission.CERTIFY)))));

        assertThat(book.entries()).hasSize(2);
    }

    @Test
    void anAuthorityNoRoleHoldsFailsTheStart() {
        var typo = new Contribution("typo", List.of(get("/items/*").requires("catalog:itme:read")));

        assertThatThrownBy(() -> new AccessRuleBook(List.of(typo)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("catalog:itme:read");
    }

    @Test
    void aRuleIsEitherOpenOrNamesAuthorities() {
        assertThatThrownBy(() -> get("/items/*").requires()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> get("items/*").permitAll()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theMostSpecificPathComesFirstWhateverTheOrderOfContributions() {
        var general = new Contribution(
                "general", List.of(anyMethod("/account", "/account/**").requires(Stage.DONE.authority())));
        var specific = new Contribution(
                "specific",
                List.of(anyMethod("/account/password")
                        .requires(Stage.PASSWORD_CHANGE.authority(), Stage.DONE.authority())));

        var one = new AccessRuleBook(List.of(general, specific)).entries();
        var other = new AccessRuleBook(List.of(specific, general)).entries();

        assertThat(one)
                .extracting(AccessRuleBook.Entry::pattern)
                .containsExactly("/account/password", "/account", "/account/**");
        assertThat(other)
                .extracting(AccessRuleBook.Entry::pattern)
                .containsExactlyElementsOf(
                        one.stream().map(AccessRuleBook.Entry::pattern).toList());
    }

    @Test
    void aRuleNamingItsMethodComesBeforeOneForEveryMethod() {
        var book = new AccessRuleBook(List.of(new Contribution(
                "mixed",
                List.of(
                        anyMethod("/search").requires(Permission.SEARCH),
                        get("/search").requires(Permission.SEARCH)))));

        assertThat(book.entries())
                .extracting(AccessRuleBook.Entry::method)
                .containsExactly(AccessRules.Method.GET, null);
    }
}
