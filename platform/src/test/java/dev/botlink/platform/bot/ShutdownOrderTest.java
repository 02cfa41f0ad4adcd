package dev.botlink.platform.bot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.botlink.platform.bot.sandbox.SandboxBotRuntime;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.ObserverMethod;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On shutdown the sandbox runtime stops its workers (whose bots send their last log lines) before the log writer
 * drains its queue and stops, so a SIGTERM loses no log line. Asserted on the observers the container resolved.
 */
@QuarkusTest
class ShutdownOrderTest {

    @Inject
    BeanManager beans;

    @Test
    void theSandboxRuntimeStopsBeforeTheLogWriterDrains() {
        List<ObserverMethod<? super ShutdownEvent>> observers =
                List.copyOf(beans.resolveObserverMethods(new ShutdownEvent()));
        int runtime = priorityOf(observers, SandboxBotRuntime.class);
        int writer = priorityOf(observers, BotLogWriter.class);
        assertThat(runtime).isLessThan(writer);
        assertThat(observers.stream()
                        .filter(o -> o.getBeanClass().getName().startsWith("dev.botlink."))
                        .mapToInt(ObserverMethod::getPriority)
                        .max()
                        .orElseThrow())
                .as("the log writer drains after every other Botlink observer")
                .isEqualTo(writer);
    }

    private static int priorityOf(List<ObserverMethod<? super ShutdownEvent>> observers, Class<?> bean) {
        return observers.stream()
                .filter(o -> o.getBeanClass().equals(bean))
                .mapToInt(ObserverMethod::getPriority)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ShutdownEvent observer on " + bean.getSimpleName()));
    }
}
