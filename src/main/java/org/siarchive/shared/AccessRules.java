package org.siarchive.shared;

import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The URL authorisation rules a module declares for its own pages and endpoints (docs/adr/0041). Each
 * module registers one bean of this type; the security module collects them all, refuses two rules that
 * claim one path with different requirements, applies them most specific path first and denies every
 * request no rule names. Authorities are permission strings ({@code "catalog:item:read"}); a rule admits
 * a request holding any one of them. Written with the static factories:
 * {@code get("/items/*").requires("catalog:item:read")}, {@code post("/verify/*").permitAll()}.
 */
public interface AccessRules {

    /** This module's rules, in any order: security decides the order. */
    List<Rule> rules();

    /** The HTTP methods a rule can name. */
    enum Method {
        GET,
        POST,
        PUT,
        DELETE
    }

    /**
     * Requests with {@code method} ({@code null}: any method) to one of {@code patterns} (Spring path
     * patterns: {@code *} one segment, {@code /**} the rest) are open to everyone when {@code open}, else
     * only to callers holding one of {@code anyOf}.
     */
    record Rule(@Nullable Method method, List<String> patterns, boolean open, Set<String> anyOf) {

        public Rule {
            patterns = List.copyOf(patterns);
            anyOf = Set.copyOf(anyOf);
            if (patterns.isEmpty() || patterns.stream().anyMatch(p -> !p.startsWith("/"))) {
                throw new IllegalArgumentException("a rule names paths starting with /: " + patterns);
            }
            if (open == !anyOf.isEmpty()) {
                throw new IllegalArgumentException("a rule is either open or names authorities: " + patterns);
            }
        }
    }

    /** The paths a rule is about to cover, waiting for its requirement. */
    record Paths(@Nullable Method method, List<String> patterns) {

        /** Callers holding any one of these authorities. */
        public Rule requires(String... anyOf) {
            return new Rule(method, patterns, false, Set.of(anyOf));
        }

        /** Everyone, logged in or not. */
        public Rule permitAll() {
            return new Rule(method, patterns, true, Set.of());
        }
    }

    static Paths get(String... patterns) {
        return new Paths(Method.GET, List.of(patterns));
    }

    static Paths post(String... patterns) {
        return new Paths(Method.POST, List.of(patterns));
    }

    static Paths put(String... patterns) {
        return new Paths(Method.PUT, List.of(patterns));
    }

    /** Every HTTP method. */
    static Paths anyMethod(String... patterns) {
        return new Paths(null, List.of(patterns));
    }
}
