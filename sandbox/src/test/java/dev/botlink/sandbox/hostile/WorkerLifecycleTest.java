package dev.botlink.sandbox.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.botlink.sandbox.testing.WorkerFixture;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A worker with a small heap: memory hogs are stopped, and a worker that dies is restarted with its bots. */
class WorkerLifecycleTest {
    static WorkerFixture worker;

    @BeforeAll
    static void start() {
        worker = new WorkerFixture("lifecycle", "768m", List.of());
    }

    @AfterAll
    static void stop() {
        worker.close();
    }

    @Test
    void aBotThatKeepsGrowingIsStoppedAndTheWorkerSurvives() {
        String hog = worker.startRunning("""
                import time
                from profitview import Link

                class Trading(Link):
                    def on_start(self):
                        self.hoard = []
                        while True:
                            self.hoard.append(bytearray(2_000_000))
                            time.sleep(0.01)
                """);
        await().atMost(Duration.ofSeconds(120))
                .until(() -> worker.host.states(hog).stream().anyMatch(s -> s.startsWith("failed")));
        assertThat(worker.host.states(hog)).anySatisfy(s -> assertThat(s).contains("nearly out of memory"));
        assertThat(worker.supervisor.restarts()).isZero();
    }

    @Test
    void aBotThatChurnsThroughManyHeapsOfGarbageKeepsRunning() {
        // About 5 GB of short-lived arrays through a 768 MB heap: the heap in use is often near its maximum between
        // collections, but little of it is live, so the memory guard must leave this bot alone.
        String churner = worker.startRunning("""
                import time
                from profitview import Link, logger

                class Trading(Link):
                    def on_start(self):
                        for _ in range(600):
                            scratch = bytearray(8_000_000)
                            scratch[-1] = 1
                            time.sleep(0.02)
                        logger.info('churned')
                """);
        await().atMost(Duration.ofSeconds(180))
                .until(() -> worker.host.logText(churner).contains("churned"));
        assertThat(worker.host.states(churner)).noneSatisfy(s -> assertThat(s).startsWith("failed"));
    }

    @Test
    void aWorkerThatDiesIsRestartedAndItsBotsStartAgain() {
        String bot = worker.startRunning("""
                from profitview import Link, http

                class Trading(Link):
                    @http.route
                    def get_ping(self, data):
                        return 'pong'
                """);
        int restartsBefore = worker.supervisor.restarts();
        worker.supervisor.process().destroyForcibly();
        await().atMost(Duration.ofSeconds(240))
                .until(() -> worker.supervisor.restarts() > restartsBefore
                        && worker.host.states(bot).stream()
                                        .filter(s -> s.equals("running"))
                                        .count()
                                >= 2);
        assertThat(worker.hub.webhook(bot, "GET", "ping", Map.of()).join().result())
                .isEqualTo("pong");
    }
}
