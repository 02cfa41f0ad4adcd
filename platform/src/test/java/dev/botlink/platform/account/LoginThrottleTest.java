package dev.botlink.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(clock, 3, Duration.ofMinutes(15), 2);

    @Test
    void locksAfterTheLimitUntilTheWindowPasses() {
        throttle.failed("alice");
        throttle.failed("alice");
        assertThat(throttle.lockedFor("alice")).isEmpty();
        throttle.failed("alice");
        now = now.plusSeconds(60);
        assertThat(throttle.lockedFor("alice")).contains(Duration.ofMinutes(14));
        now = now.plus(Duration.ofMinutes(14));
        assertThat(throttle.lockedFor("alice")).isEmpty();
    }

    @Test
    void successForgetsFailures() {
        throttle.failed("bob");
        throttle.failed("bob");
        throttle.succeeded("bob");
        throttle.failed("bob");
        throttle.failed("bob");
        assertThat(throttle.lockedFor("bob")).isEmpty();
    }

    @Test
    void oldFailuresStartANewWindow() {
        throttle.failed("carol");
        throttle.failed("carol");
        now = now.plus(Duration.ofMinutes(16));
        throttle.failed("carol");
        assertThat(throttle.lockedFor("carol")).isEmpty();
    }

    @Test
    void remembersABoundedNumberOfKeys() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("dave");
        }
        throttle.failed("erin");
        throttle.failed("frank");
        assertThat(throttle.lockedFor("dave")).isEmpty();
    }
}
