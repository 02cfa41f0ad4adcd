package dev.botlink.marketplace.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ExecutionGuardTest {
    private static final OrderIntent PLACE =
            new OrderIntent.PlaceLimit("i-1", Side.BUY, BigDecimal.ONE, BigDecimal.ONE);

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of(new VenueResult.Accepted("i-1"), Optional.empty()),
                Arguments.of(new VenueResult.PartiallyFilled("i-1", BigDecimal.ONE), Optional.empty()),
                Arguments.of(new VenueResult.Rejected("i-1", VenueError.ORDER_NOT_FOUND, "gone"), Optional.empty()),
                Arguments.of(
                        new VenueResult.Rejected("i-1", VenueError.RATE_LIMITED, "slow down"),
                        Optional.of(BotStatus.BACKING_OFF)),
                Arguments.of(
                        new VenueResult.Rejected("i-2", VenueError.OTHER, "not ours"),
                        Optional.of(BotStatus.AWAITING_VENUE)));
    }

    @ParameterizedTest
    @MethodSource("outcomes")
    void eachOutcomeLeavesTheGuardInTheExpectedState(VenueResult result, Optional<BotStatus> expected) {
        ExecutionGuard guard = new ExecutionGuard(ExecutionSettings.DEFAULTS);
        guard.advanceTo(0);
        guard.sent(List.of(PLACE));

        guard.onResult(result);

        assertThat(guard.blocked()).isEqualTo(expected);
    }

    @Test
    void backOffDoublesUpToItsCapAndHaltsAfterTheLimit() {
        ExecutionSettings settings = new ExecutionSettings(true, 10_000, 1_000, 4_000, 5);

        assertThat(List.of(1, 2, 3, 4, 5).stream().map(settings::backoffAfter))
                .containsExactly(1_000L, 2_000L, 4_000L, 4_000L, 4_000L);

        ExecutionGuard guard = new ExecutionGuard(settings);
        for (int i = 0; i < 5; i++) {
            guard.advanceTo(i * 10_000L);
            guard.sent(List.of(new OrderIntent.Cancel("c-" + i, "o")));
            guard.onResult(new VenueResult.Rejected("c-" + i, VenueError.UNAVAILABLE, "down"));
        }
        assertThat(guard.blocked()).contains(BotStatus.HALTED);
        assertThat(guard.takeHaltCancels()).isTrue();
        assertThat(guard.takeHaltCancels()).as("only once per halt").isFalse();
        guard.resume();
        assertThat(guard.blocked()).as("halt lifted, its pause still running").contains(BotStatus.BACKING_OFF);
        guard.advanceTo(40_000 + 4_000 - 1);
        assertThat(guard.blocked()).contains(BotStatus.BACKING_OFF);
        guard.advanceTo(40_000 + 4_000);
        assertThat(guard.blocked()).isEmpty();
    }

    @Test
    void signalsDoNotShortenABackOff() {
        ExecutionGuard guard = new ExecutionGuard(ExecutionSettings.DEFAULTS);
        guard.advanceTo(0);
        guard.sent(List.of(PLACE));
        guard.onResult(new VenueResult.Rejected("i-1", VenueError.RATE_LIMITED, "slow down"));

        guard.resume();

        assertThat(guard.blocked()).contains(BotStatus.BACKING_OFF);
    }

    @Test
    void refusesTimeGoingBackwards() {
        ExecutionGuard guard = new ExecutionGuard(ExecutionSettings.DEFAULTS);
        guard.advanceTo(5_000);

        assertThatThrownBy(() -> guard.advanceTo(4_999))
                .hasMessage("market time went backwards from 5000 to 4999 ms: states must be in order");
    }
}
