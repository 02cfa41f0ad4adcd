package dev.botlink.platform.bot.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;

/** How the platform runs its local sandbox workers. */
@ConfigMapping(prefix = "botlink.sandbox")
public interface SandboxConfig {

    /** The worker distribution built by the sandbox module ({@code sandbox/target/worker}). */
    @WithDefault("sandbox/target/worker")
    Path workerDir();

    /** How many local worker processes to run; bots are spread over them. */
    @WithDefault("1")
    int workers();

    /** Each worker's heap cap: a bot's memory bomb takes down at most its worker. */
    @WithDefault("1g")
    String workerHeap();

    /** How often a dead worker is restarted before its supervisor gives up. */
    @WithDefault("100")
    int maxRestarts();

    /**
     * Start the workers (and the simulated market) in the background as soon as the platform has started, instead
     * of at the first bot start: readiness does not wait for them, and the first bot finds a warm worker. Off in
     * tests, which start workers only when they run bots.
     */
    @WithDefault("true")
    boolean startAtBoot();

    /** Run workers without the JIT when the JDK lacks JVMCI (about 5x slower; for development only). */
    @WithDefault("false")
    boolean allowInterpreted();
}
