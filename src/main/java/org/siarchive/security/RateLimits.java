package org.siarchive.security;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * How often one client may knock: a token bucket per kind and key (account, address, API token), each
 * holding a minute's allowance and refilled evenly. Kept in memory: a restart forgets the counts, which
 * costs an attacker nothing they would not get by waiting a minute (docs/adr/0032).
 */
@Component
class RateLimits {

    /** What is limited, and what its key is. */
    enum Kind {
        /** Login attempts per account name (password step). */
        LOGIN_ACCOUNT,
        /** Login attempts per client address. */
        LOGIN_ADDRESS,
        /** Public certificate verification ({@code /verify}) per client address. */
        VERIFY_ADDRESS,
        /** Requests per API token. */
        TOKEN
    }

    /** Allowed now, or refused until {@code retryAfterSeconds} have passed. */
    record Decision(boolean allowed, long retryAfterSeconds) {}

    /** Per-minute allowances; addresses that no per-address limit applies to (e.g. a health monitor). */
    record Settings(
            int loginPerAccount,
            int loginPerAddress,
            int verifyPerAddress,
            int tokenPerMinute,
            Set<String> unlimitedAddresses) {

        int perMinute(Kind kind) {
            return switch (kind) {
                case LOGIN_ACCOUNT -> loginPerAccount;
                case LOGIN_ADDRESS -> loginPerAddress;
                case VERIFY_ADDRESS -> verifyPerAddress;
                case TOKEN -> tokenPerMinute;
            };
        }
    }

    /** Buckets beyond this many are pruned of the ones that refilled (idle clients), bounding memory. */
    private static final int PRUNE_ABOVE = 10_000;

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private final Settings settings;
    private final LongSupplier nanoTime;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    @Autowired
    RateLimits(
            @Value("${siarchive.rate-limits.login-per-account:10}") int loginPerAccount,
            @Value("${siarchive.rate-limits.login-per-address:30}") int loginPerAddress,
            @Value("${siarchive.rate-limits.verify-per-address:30}") int verifyPerAddress,
            @Value("${siarchive.rate-limits.token-per-minute:600}") int tokenPerMinute,
            @Value("${siarchive.rate-limits.unlimited-addresses:}") Set<String> unlimitedAddresses) {
        this(
                new Settings(loginPerAccount, loginPerAddress, verifyPerAddress, tokenPerMinute, unlimitedAddresses),
                System::nanoTime);
    }

    RateLimits(Settings settings, LongSupplier nanoTime) {
        this.settings = settings;
        this.nanoTime = nanoTime;
    }

    /** Takes one request from the key's allowance; a limit of 0 or less means unlimited. */
    Decision take(Kind kind, String key) {
        int perMinute = settings.perMinute(kind);
        if (perMinute <= 0 || (kind != Kind.LOGIN_ACCOUNT && kind != Kind.TOKEN && unlimited(key))) {
            return new Decision(true, 0);
        }
        long now = nanoTime.getAsLong();
        if (buckets.size() > PRUNE_ABOVE) {
            buckets.values().removeIf(b -> b.full(now));
        }
        return buckets.computeIfAbsent(kind + ":" + key, k -> new Bucket(perMinute, now))
                .take(now);
    }

    private boolean unlimited(String address) {
        return settings.unlimitedAddresses().contains(address);
    }

    /** A minute's allowance, refilled one request every {@code 60 s / perMinute}. */
    private static final class Bucket {
        private final int capacity;
        private final long nanosPerToken;
        private double tokens;
        private long last;

        Bucket(int capacity, long now) {
            this.capacity = capacity;
            this.nanosPerToken = MINUTE_NANOS / capacity;
            this.tokens = capacity;
            this.last = now;
        }

        synchronized Decision take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return new Decision(true, 0);
            }
            long wait = (long) Math.ceil((1 - tokens) * nanosPerToken / 1e9);
            return new Decision(false, Math.max(1, wait));
        }

        synchronized boolean full(long now) {
            refill(now);
            return tokens >= capacity;
        }

        private void refill(long now) {
            tokens = Math.min(capacity, tokens + (double) (now - last) / nanosPerToken);
            last = now;
        }
    }
}
