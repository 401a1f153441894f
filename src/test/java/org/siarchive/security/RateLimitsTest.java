package org.siarchive.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The limiter's arithmetic: a minute's allowance per key, refilled evenly, with an honest Retry-After. */
class RateLimitsTest {

    private final AtomicLong clock = new AtomicLong(1_000_000_000L);
    private final RateLimits limits =
            new RateLimits(new RateLimits.Settings(3, 6, 6, 60, Set.of("10.0.0.9")), clock::get);

    @Test
    void aKeyGetsItsMinutesAllowanceThenWaits() {
        for (int i = 0; i < 60; i++) {
            assertThat(limits.take(RateLimits.Kind.TOKEN, "t1").allowed()).isTrue();
        }

        var refused = limits.take(RateLimits.Kind.TOKEN, "t1");

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(limits.take(RateLimits.Kind.TOKEN, "t2").allowed())
                .as("another token has its own allowance")
                .isTrue();
    }

    @Test
    void theAllowanceRefillsEvenlyOverTheMinute() {
        for (int i = 0; i < 3; i++) {
            limits.take(RateLimits.Kind.LOGIN_ACCOUNT, "zhang");
        }
        assertThat(limits.take(RateLimits.Kind.LOGIN_ACCOUNT, "zhang").retryAfterSeconds())
                .isEqualTo(20);

        clock.addAndGet(20_000_000_000L);

        assertThat(limits.take(RateLimits.Kind.LOGIN_ACCOUNT, "zhang").allowed())
                .isTrue();
        assertThat(limits.take(RateLimits.Kind.LOGIN_ACCOUNT, "zhang").allowed())
                .isFalse();
    }

    @Test
    void kindsCountApartAndUnlimitedAddressesSkipOnlyPerAddressLimits() {
        for (int i = 0; i < 6; i++) {
            limits.take(RateLimits.Kind.VERIFY_ADDRESS, "10.0.0.1");
        }
        assertThat(limits.take(RateLimits.Kind.VERIFY_ADDRESS, "10.0.0.1").allowed())
                .isFalse();
        assertThat(limits.take(RateLimits.Kind.LOGIN_ADDRESS, "10.0.0.1").allowed())
                .isTrue();

        for (int i = 0; i < 100; i++) {
            assertThat(limits.take(RateLimits.Kind.LOGIN_ADDRESS, "10.0.0.9").allowed())
                    .isTrue();
        }
    }

    @Test
    void aLimitOfZeroMeansUnlimited() {
        var open = new RateLimits(new RateLimits.Settings(0, 0, 0, 0, Set.of()), clock::get);
        for (int i = 0; i < 1000; i++) {
            assertThat(open.take(RateLimits.Kind.TOKEN, "t").allowed()).isTrue();
        }
    }
}
