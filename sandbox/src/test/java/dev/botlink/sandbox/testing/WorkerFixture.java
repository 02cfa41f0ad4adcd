package dev.botlink.sandbox.testing;

import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.host.BotSpec;
import dev.botlink.sandbox.host.WorkerHub;
import dev.botlink.sandbox.host.WorkerLauncher;
import dev.botlink.sandbox.host.WorkerSupervisor;
import dev.botlink.sandbox.protocol.ConnectionSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real worker process, started with {@link WorkerLauncher} from the worker distribution the build made, and
 * connected to a {@link WorkerHub} whose handler is a {@link TestHost}.
 */
public final class WorkerFixture implements AutoCloseable {
    private static WorkerFixture shared;

    public final TestHost host = new TestHost();
    public final WorkerHub hub;
    public final WorkerSupervisor supervisor;
    public final String workerId;

    /** One worker shared by every test class of the run that can live with the default test limits. */
    public static synchronized WorkerFixture shared() {
        if (shared == null) {
            shared = new WorkerFixture("shared", "1g", List.of());
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    public WorkerFixture(String name, String heap, List<String> extraProperties) {
        this.workerId = name + "-" + UUID.randomUUID().toString().substring(0, 8);
        String token = UUID.randomUUID() + "-" + UUID.randomUUID();
        try {
            hub = new WorkerHub(host, token, ConnectionSettings.defaults());
            var address = hub.start(0);
            // The production callback budget (5 s), long webhook and timer budgets: on the crowded build machine a
            // shorter one interrupts ordinary callbacks (13 candle levels on a trade took over 1.5 s at load 50).
            var properties = new java.util.ArrayList<>(List.of(
                    "botlink.cpuWindowMillis=4000",
                    "botlink.logBurst=200",
                    "botlink.webhookBudgetMillis=60000",
                    "botlink.timerBudgetMillis=60000"));
            properties.addAll(extraProperties);
            var launcher = WorkerLauncher.of(Path.of(System.getProperty("botlink.worker.dir")))
                    .withExtraClasspath(List.of(Path.of(System.getProperty("botlink.worker.classes"))))
                    .withMaxHeap(heap)
                    .withSystemProperties(properties);
            Path log = Path.of(System.getProperty("botlink.worker.dir"), "run", workerId + ".log");
            supervisor = new WorkerSupervisor(launcher, workerId, address, token, log, 3).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(240)).until(() -> hub.isConnected(workerId));
    }

    /** Starts a bot and returns its id (without waiting for it to run). */
    public String start(String source) {
        return start(source, Map.of());
    }

    public String start(String source, Map<String, Object> settings) {
        String bot = "bot-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            hub.startBot(workerId, new BotSpec(bot, "account-1", "my_bot.py", source, settings));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bot;
    }

    /** Starts a bot in simulated-time mode, its clock at {@code startMicros}, and returns its id. */
    public String startSimulated(String source, long startMicros) {
        String bot = "sim-" + UUID.randomUUID().toString().substring(0, 8);
        try {
            hub.startBot(workerId, new BotSpec(bot, "account-1", "my_bot.py", source, Map.of()).simulated(startMicros));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bot;
    }

    /** Starts a bot and waits until it runs. */
    public String startRunning(String source) {
        String bot = start(source);
        awaitState(bot, "running");
        return bot;
    }

    public void awaitState(String bot, String state) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(
                        host.states(bot))
                .as("states of %s; log:%n%s", bot, host.logText(bot))
                .anySatisfy(s -> org.assertj.core.api.Assertions.assertThat(s).startsWith(state)));
    }

    public void stop(String bot) {
        try {
            hub.stopBot(bot);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        supervisor.close();
        try {
            hub.close();
        } catch (IOException ignored) {
            // Test teardown.
        }
    }
}
