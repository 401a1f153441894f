package org.siarchive.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.siarchive.shared.AccessRules;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Every module's URL rules in one book (docs/adr/0041). Built at start-up, it refuses what would make the
 * rules depend on chance: two rules claiming one path (for overlapping methods) with different
 * requirements, and authorities no role holds. It applies them in one deterministic order, the most
 * specific path first (Spring's path pattern specificity, so {@code /account/password} comes before
 * {@code /account/**}), a rule naming its method before one for every method, then by path and method.
 */
final class AccessRuleBook {

    /** One path of one rule, as applied; {@code owner} names the contribution for error messages. */
    record Entry(AccessRules.@Nullable Method method, String pattern, boolean open, Set<String> anyOf, String owner) {

        boolean sameRequirement(Entry other) {
            return open == other.open && anyOf.equals(other.anyOf);
        }

        boolean methodsOverlap(Entry other) {
            return method == null || other.method == null || method == other.method;
        }

        @Override
        public String toString() {
            return (method == null ? "*" : method) + " " + pattern + " -> "
                    + (open ? "permitAll" : new TreeSet<>(anyOf)) + " (" + owner + ")";
        }
    }

    private static final Comparator<Entry> MOST_SPECIFIC_FIRST = Comparator.<Entry, PathPattern>comparing(
                    e -> PathPatternParser.defaultInstance.parse(e.pattern()), PathPattern.SPECIFICITY_COMPARATOR)
            .thenComparing(e -> e.method() == null)
            .thenComparing(Entry::pattern)
            .thenComparing(e -> Objects.toString(e.method()));

    private final List<Entry> entries;

    AccessRuleBook(List<? extends AccessRules> contributions) {
        var all = flatten(contributions);
        refuseConflicts(all);
        refuseUnknownAuthorities(all);
        this.entries = all.stream().sorted(MOST_SPECIFIC_FIRST).toList();
    }

    /** The rules in the order they are applied. */
    List<Entry> entries() {
        return entries;
    }

    /** Applies every rule, in order; the caller ends the list (with {@code anyRequest().denyAll()}). */
    void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry registry) {
        for (Entry e : entries) {
            var matched = e.method() == null
                    ? registry.requestMatchers(e.pattern())
                    : registry.requestMatchers(HttpMethod.valueOf(e.method().name()), e.pattern());
            if (e.open()) {
                matched.permitAll();
            } else {
                matched.hasAnyAuthority(e.anyOf().toArray(String[]::new));
            }
        }
    }

    /** One entry per path; a rule repeated word for word (by one or two modules) is applied once. */
    private static List<Entry> flatten(List<? extends AccessRules> contributions) {
        var out = new LinkedHashSet<Entry>();
        for (AccessRules c : contributions) {
            String owner = c.getClass().getSimpleName();
            for (AccessRules.Rule r : c.rules()) {
                r.patterns().forEach(p -> out.add(new Entry(r.method(), p, r.open(), r.anyOf(), owner)));
            }
        }
        return List.copyOf(out);
    }

    private static void refuseConflicts(List<Entry> all) {
        var conflicts = new ArrayList<String>();
        for (int i = 0; i < all.size(); i++) {
            for (int j = i + 1; j < all.size(); j++) {
                Entry a = all.get(i);
                Entry b = all.get(j);
                if (a.pattern().equals(b.pattern()) && a.methodsOverlap(b) && !a.sameRequirement(b)) {
                    conflicts.add(a + " vs " + b);
                }
            }
        }
        if (!conflicts.isEmpty()) {
            throw new IllegalStateException(
                    "URL rules claim one path with different requirements: " + String.join("; ", conflicts));
        }
    }

    /** An authority no role holds (a typo, most likely) would close the path to everyone. */
    private static void refuseUnknownAuthorities(List<Entry> all) {
        var unknown = all.stream()
                .filter(e -> !known().containsAll(e.anyOf()))
                .map(Entry::toString)
                .toList();
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("URL rules name authorities no role holds: " + unknown);
        }
    }

    private static Set<String> known() {
        return Stream.of(
                        Arrays.stream(Role.values()).flatMap(r -> r.permissions().stream()),
                        Role.tokenScopes().stream(), // machine-only scopes (sharing:verify, continuation:exchange)
                        Arrays.stream(Stage.values()).map(Stage::authority))
                .flatMap(s -> s)
                .collect(Collectors.toSet());
    }
}
