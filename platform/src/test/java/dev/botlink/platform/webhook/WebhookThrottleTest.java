package dev.botlink.platform.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The per-account request budget, on a clock the test moves. */
class WebhookThrottleTest {

    private final AtomicLong now = new AtomicLong();

    @Test
    void aBurstPassesThenRequestsWaitForTheRefill() {
        WebhookThrottle throttle = new WebhookThrottle(2, 3, 100, now::get);
        for (int i = 0; i < 3; i++) {
            assertThat(throttle.acquire(1)).isEmpty();
        }
        assertThat(throttle.acquire(1)).contains(Duration.ofMillis(500));
        now.addAndGet(Duration.ofMillis(500).toNanos());
        assertThat(throttle.acquire(1)).isEmpty();
        assertThat(throttle.acquire(1)).isPresent();
    }

    @Test
    void accountsHaveTheirOwnBudgets() {
        WebhookThrottle throttle = new WebhookThrottle(1, 1, 100, now::get);
        assertThat(throttle.acquire(1)).isEmpty();
        assertThat(throttle.acquire(1)).isPresent();
        assertThat(throttle.acquire(2)).isEmpty();
    }

    @Test
    void itRemembersABoundedNumberOfAccounts() {
        WebhookThrottle throttle = new WebhookThrottle(1, 1, 2, now::get);
        throttle.acquire(1);
        throttle.acquire(2);
        throttle.acquire(3);
        // Account 1 was forgotten (least recently used) and starts with a fresh budget.
        assertThat(throttle.acquire(1)).isEmpty();
        assertThat(throttle.acquire(3)).isPresent();
    }
}
