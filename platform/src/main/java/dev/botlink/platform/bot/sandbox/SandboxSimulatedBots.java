package dev.botlink.platform.bot.sandbox;

import dev.botlink.platform.backtest.SimulatedBots;
import dev.botlink.sandbox.host.BotSpec;
import dev.botlink.sandbox.host.StepEvent;
import dev.botlink.sandbox.host.StepPoint;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** The sandbox adapter of {@link SimulatedBots}: hosted bots on the platform's local workers, moved by STEP requests. */
@Singleton
public class SandboxSimulatedBots implements SimulatedBots {

    private final SandboxBotRuntime runtime;

    public SandboxSimulatedBots(SandboxBotRuntime runtime) {
        this.runtime = runtime;
    }

    @Override
    public Bot start(String key, long accountId, Script script, long startMicros, Host host) {
        BotSpec spec = new BotSpec(
                        key, String.valueOf(accountId), script.fileName(), script.source(), script.settings())
                .simulated(startMicros);
        runtime.startHosted(spec, host);
        return new Bot() {
            @Override
            public CompletableFuture<StepOutcome> step(List<Point> points) {
                List<StepPoint> steps = points.stream()
                        .map(point -> new StepPoint(
                                point.epochMicros(),
                                point.events().stream()
                                        .map(event ->
                                                new StepEvent(event.kind(), event.src(), event.sym(), event.data()))
                                        .toList()))
                        .toList();
                return runtime.step(key, steps)
                        .thenApply(result ->
                                new StepOutcome(result.pointsProcessed(), result.nowMicros(), result.botState()));
            }

            @Override
            public void close() {
                runtime.stopHosted(key);
            }
        };
    }
}
