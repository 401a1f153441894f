package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.siarchive.shared.AccessRules;
import org.siarchive.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Every URL rule a module contributes is applied, in both security chains (console session and API
 * token): a request to each of its paths is let through for a holder of any one of its authorities and
 * refused to a caller holding every other authority there is; open paths admit anonymous callers. So no
 * rule is lost, and none is shadowed by a more general one with another requirement.
 */
class AccessRulesIT extends IntegrationTest {

    @Autowired
    List<AccessRules> contributions;

    @Autowired
    AccessRuleBook book;

    @Autowired
    List<SecurityFilterChain> chains;

    @Test
    void everyModuleContributesItsRulesToTheBook() {
        assertThat(contributions)
                .extracting(c -> c.getClass().getSimpleName())
                .contains(
                        "AuditAccessRules",
                        "CaptureAccessRules",
                        "CatalogAccessRules",
                        "CertificatesAccessRules",
                        "ChecksAccessRules",
                        "DigitisationAccessRules",
                        "IntegrityAccessRules",
                        "LendingAccessRules",
                        "SearchAccessRules",
                        "TransferAccessRules",
                        "LoginAccessRules",
                        "AdminAccessRules");
        int paths = contributions.stream()
                .flatMap(c -> c.rules().stream())
                .mapToInt(r -> r.patterns().size())
                .sum();
        assertThat(book.entries()).hasSize(paths);
    }

    @Test
    void everyContributedRuleDecidesItsOwnPathsInBothChains() {
        var managers = staffChains().stream()
                .flatMap(c -> c.getFilters().stream())
                .filter(AuthorizationFilter.class::isInstance)
                .map(f -> ((AuthorizationFilter) f).getAuthorizationManager())
                .toList();
        assertThat(managers).hasSize(2);
        var softly = new SoftAssertions();
        for (var manager : managers) {
            for (var rule :
                    contributions.stream().flatMap(c -> c.rules().stream()).toList()) {
                for (String pattern : rule.patterns()) {
                    for (String method : methods(rule)) {
                        check(softly, manager, rule, method, pattern);
                    }
                }
            }
        }
        softly.assertAll();
    }

    @Test
    void aPathNoModuleNamesIsClosedToEveryone() {
        var everything = user(allAuthorities());
        for (var chain : staffChains()) {
            var manager = chain.getFilters().stream()
                    .filter(AuthorizationFilter.class::isInstance)
                    .map(f -> ((AuthorizationFilter) f).getAuthorizationManager())
                    .findFirst()
                    .orElseThrow();
            assertThat(granted(manager, everything, "GET", "/api/v1/nobody-named-this"))
                    .isFalse();
            assertThat(granted(manager, everything, "DELETE", "/api/v1/items/7"))
                    .isFalse();
        }
    }

    private void check(
            SoftAssertions softly,
            AuthorizationManager<HttpServletRequest> manager,
            AccessRules.Rule rule,
            String method,
            String pattern) {
        String path = sample(pattern);
        String what = method + " " + path + " (" + pattern + ")";
        if (rule.open()) {
            softly.assertThat(granted(manager, anonymous(), method, path))
                    .as(what)
                    .isTrue();
            return;
        }
        for (String authority : rule.anyOf()) {
            softly.assertThat(granted(manager, user(Set.of(authority)), method, path))
                    .as(what + " for " + authority)
                    .isTrue();
        }
        var others =
                allAuthorities().stream().filter(a -> !rule.anyOf().contains(a)).collect(Collectors.toSet());
        softly.assertThat(granted(manager, user(others), method, path))
                .as(what + " without " + rule.anyOf())
                .isFalse();
    }

    private static List<String> methods(AccessRules.Rule rule) {
        return rule.method() == null
                ? List.of("GET", "POST")
                : List.of(rule.method().name());
    }

    /** A concrete path the pattern matches: {@code *} becomes one segment, {@code /**} two. */
    private static String sample(String pattern) {
        return pattern.replace("/**", "/x/y").replace("*", "7");
    }

    private static boolean granted(
            AuthorizationManager<HttpServletRequest> manager, Authentication who, String method, String path) {
        var request = new MockHttpServletRequest(method, path);
        var result = manager.authorize(() -> who, request);
        return result != null && result.isGranted();
    }

    private static Set<String> allAuthorities() {
        return Stream.concat(
                        Arrays.stream(Role.values()).flatMap(r -> r.permissions().stream()),
                        Arrays.stream(Stage.values()).map(Stage::authority))
                .collect(Collectors.toSet());
    }

    private static Authentication user(Set<String> authorities) {
        return UsernamePasswordAuthenticationToken.authenticated(
                "someone", null, AuthorityUtils.createAuthorityList(authorities.toArray(String[]::new)));
    }

    private static Authentication anonymous() {
        return new AnonymousAuthenticationToken(
                "key", "anonymousUser", AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS"));
    }

    /**
     * The console's and the API's chains: the online service's own chain (issue 19, docs/adr/0100) answers only
     * {@code /portal} and grants only portal authorities, so module rules are not its business.
     */
    private List<SecurityFilterChain> staffChains() {
        var portal = new org.springframework.mock.web.MockHttpServletRequest("GET", "/portal/items");
        portal.setServletPath("/portal/items");
        var console = new org.springframework.mock.web.MockHttpServletRequest("GET", "/items");
        console.setServletPath("/items");
        var staff = chains.stream()
                .filter(c -> !(c.matches(portal) && !c.matches(console)))
                .toList();
        assertThat(staff).hasSize(chains.size() - 1);
        return staff;
    }
}
